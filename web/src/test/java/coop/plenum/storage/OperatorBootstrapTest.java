package coop.plenum.storage;

import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Accounts and roles": on first start with an empty store, the operator admin gets a generated password, printed once. */
@ExtendWith(OutputCaptureExtension.class)
class OperatorBootstrapTest {

    private static final Pattern PRINTED = Pattern.compile("operator account 'admin' with the password: (\\S+)");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return start("");
    }

    private ConfigurableApplicationContext start(String adminPassword) {
        return PlenumContexts.start(dataDir, adminPassword);
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        return PlenumContexts.client(context);
    }

    @Test
    void aGeneratedAdminPasswordIsPrintedOnceAndKeepsWorkingAfterARestart(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher printed = PRINTED.matcher(output.getOut());
            assertThat(printed.find()).as("the generated password is printed").isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            String out = output.getOut();
            assertThat(printed.start()).as("shown at the end of start-up, after Spring Boot's 'Started'")
                    .isGreaterThan(out.lastIndexOf("Started PlenumApplication"));
            String before = out.substring(out.lastIndexOf('\n', printed.start() - 1) - 200, printed.start());
            assertThat(before).as("in a box").contains("+-----");
            client(first).get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", password))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.operator").isEqualTo(true);
        }
        int printedSoFar = countMatches(output.getOut());
        try (ConfigurableApplicationContext second = start()) {
            assertThat(countMatches(output.getOut())).as("printed only on the first start").isEqualTo(printedSoFar);
            client(second).get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", password))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void anAdminPasswordSetOnceTheOperatorExistsIsIgnoredAndTheLogSaysSo(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher printed = PRINTED.matcher(output.getOut());
            assertThat(printed.find()).isTrue();
            password = printed.group(1);
        }
        try (ConfigurableApplicationContext second = start("chosen-too-late-1")) {
            assertThat(output.getOut()).contains("PLENUM_ADMIN_PASSWORD is set but the operator account 'admin' already exists: the setting was ignored");
            client(second).get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", "chosen-too-late-1"))
                    .exchange().expectStatus().isUnauthorized();
            client(second).get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth("admin", password))
                    .exchange().expectStatus().isOk();
        }
    }

    private static int countMatches(String text) {
        Matcher m = PRINTED.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
