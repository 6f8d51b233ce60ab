package coop.plenum.governance.notification.delivery;

import coop.plenum.governance.notification.NotificationKind;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeLinksTest {

    private final UnsubscribeLinks links = new UnsubscribeLinks("a key outside the database".getBytes(StandardCharsets.UTF_8));

    private static String param(String path, String name) {
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void theSignedLinkNamesItsKindAndATamperedAccountKindOrSignatureIsRefused() {
        String path = links.path("acc&1", NotificationKind.VOTE_OPENED);
        String account = param(path, "account");
        String signature = param(path, "signature");

        assertThat(account).isEqualTo("acc&1");
        assertThat(links.verify(account, "VOTE_OPENED", signature)).contains(NotificationKind.VOTE_OPENED);
        assertThat(links.verify(account, "DECISION_MADE", signature)).isEmpty();
        assertThat(links.verify("acc&2", "VOTE_OPENED", signature)).isEmpty();
        assertThat(links.verify(account, "VOTE_OPENED", signature.replace(signature.charAt(0), signature.charAt(0) == 'a' ? 'b' : 'a'))).isEmpty();
        assertThat(links.verify(account, "VOTE_OPENED", null)).isEmpty();
    }

    @Test
    void anotherKeyMakesAnotherSignature() {
        UnsubscribeLinks other = new UnsubscribeLinks("another key".getBytes(StandardCharsets.UTF_8));
        String signature = param(links.path("acc", NotificationKind.COMMENT), "signature");
        assertThat(other.verify("acc", "COMMENT", signature)).isEmpty();
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        NotificationMailProperties p = new NotificationMailProperties(null, null, Duration.ofSeconds(30), Duration.ofMinutes(3),
                null, null, null);
        assertThat(p.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.retryAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.retryAfter(4)).isEqualTo(Duration.ofMinutes(3));
        assertThat(p.retryAfter(50)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void mailHtmlEscapesWhatPeopleWrote() {
        assertThat(MailText.html("<script>alert('x')</script> & co", "https://p.example/a?b=1&c=2", "https://p.example/u", "Stop emails of this kind"))
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .contains("href=\"https://p.example/a?b=1&amp;c=2\"")
                .doesNotContain("<script>");
    }
}
