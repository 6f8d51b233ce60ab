package coop.plenum.governance.webhook;

import coop.plenum.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlTest {

    private static List<InetAddress> at(String... literals) throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            addresses.add(InetAddress.getByName(literal));
        }
        return addresses;
    }

    @Test
    void httpsToAPublicAddressIsAccepted() throws Exception {
        assertThat(WebhookUrl.addressRefusal("https://hooks.example.org/x", at("93.184.216.34"), false)).isEmpty();
        assertThat(WebhookUrl.addressRefusal("https://hooks.example.org/x", at("2606:2800:220:1:248:1893:25c8:1946"), false)).isEmpty();
    }

    @Test
    void privateLinkLocalAndOtherInwardAddressesAreRefused() throws Exception {
        for (String inward : List.of("10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "224.0.0.1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "255.255.255.255")) {
            assertThat(WebhookUrl.addressRefusal("https://x.example/h", at(inward), true)).as(inward).isPresent();
        }
    }

    @Test
    void everyAddressANameResolvesToMustPass() throws Exception {
        assertThat(WebhookUrl.addressRefusal("https://x.example/h", at("93.184.216.34", "10.0.0.1"), false)).isPresent();
    }

    @Test
    void loopbackOnlyWhereAllowedAndPlainHttpOnlyToLoopback() throws Exception {
        assertThat(WebhookUrl.addressRefusal("http://127.0.0.1:8080/h", at("127.0.0.1"), false)).isPresent();
        assertThat(WebhookUrl.addressRefusal("http://127.0.0.1:8080/h", at("127.0.0.1"), true)).isEmpty();
        assertThat(WebhookUrl.addressRefusal("http://hooks.example.org/h", at("93.184.216.34"), true)).isPresent();
    }

    @Test
    void theShapeNeedsASchemeAHostAndNoCredentialsOrFragment() {
        for (String bad : List.of("", "hooks.example.org", "ftp://x.example/", "https://user:pw@x.example/", "https://x.example/#f",
                "javascript:alert(1)", "https:///path", "https://x.example/\u0000", "https://" + "a".repeat(2000) + ".example")) {
            List<Violation> violations = new ArrayList<>();
            WebhookUrl.checkShape(bad, violations);
            assertThat(violations).as(bad).isNotEmpty().allMatch(v -> v.field().equals("url"));
        }
        List<Violation> fine = new ArrayList<>();
        WebhookUrl.checkShape("https://hooks.example.org:8443/plenum?x=1", fine);
        assertThat(fine).isEmpty();
    }
}
