package coop.plenum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: "a restart never sends twice and never skips one". Plenum is stopped after mailing and started again on
 * the same stores; then the read models are rebuilt; then the read-model store is lost altogether and replayed from the
 * log. The inbox comes back each time, and no mail goes out twice; a new event after the restart is mailed once.
 */
class NotificationMailExactlyOnceTest {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private ConfigurableApplicationContext app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        smtp.stop();
    }

    private InboxSteps boot(Path data, String... more) {
        String[] arguments = Stream.concat(Stream.of(InboxSteps.mailArguments(smtp)), Stream.of(more)).toArray(String[]::new);
        app = PlenumContexts.start(data, InboxSteps.ADMIN, arguments);
        return new InboxSteps(PlenumContexts.client(app), smtp);
    }

    @Test
    void noMailIsSentTwiceAcrossARestartARebuildOrALostReadModelStoreAndANewEventIsMailedOnce() throws Exception {
        smtp.start();
        Path data = dir.resolve("data");
        InboxSteps first = boot(data);
        InboxSteps s = first;
        InboxSteps.Riverside r = s.riverside();
        String bobMail = r.bob() + "@example.org";
        s.setAddress(r.bob(), bobMail);
        s.http.put().uri("/api/v1/notifications/preferences").headers(Cooperators.as(r.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"preferences\":{\"DECISION_MADE\":\"EMAIL\"}}").exchange().expectStatus().isOk();
        String proposal = s.openVote(r, null);
        InboxSteps.await(() -> first.mailTo(bobMail, "Vote open: Buy a <kiln> & more"), "the vote-opened mail");
        JsonNode opened = s.firstOfKind(r.bob(), "VOTE_OPENED");
        s.http.post().uri("/api/v1/notifications/read").headers(Cooperators.as(r.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"ids\":[\"" + opened.get("id").asText() + "\"]}").exchange().expectStatus().isNoContent();
        app.close();
        app = null;

        InboxSteps second = boot(data);
        s = second;
        Thread.sleep(2000); // ten outbox polls
        assertThat(s.mailsTo(bobMail)).as("after the restart").hasSize(1);
        assertThat(s.kinds(r.bob()).stream().filter("VOTE_OPENED"::equals).count()).isEqualTo(1);

        // a new event after the restart is mailed, once
        s.http.post().uri("/api/v1/cooperatives/" + r.coop() + "/proposals/" + proposal + "/closing")
                .headers(Cooperators.as(r.alice())).exchange().expectStatus().is2xxSuccessful();
        InboxSteps.await(() -> second.mailTo(bobMail, "Decided: Buy a <kiln> & more"), "the decision mail");

        // a rebuild replays every event: the inbox is the same (read flags too), and nothing is mailed again
        s.http.post().uri("/api/v1/operations/read-model-rebuild").headers(h -> h.setBasicAuth("admin", InboxSteps.ADMIN))
                .exchange().expectStatus().isOk();
        Thread.sleep(2000);
        assertThat(s.mailsTo(bobMail)).as("after the rebuild").hasSize(2);
        JsonNode again = s.firstOfKind(r.bob(), "VOTE_OPENED");
        assertThat(again.get("id").asText()).isEqualTo(opened.get("id").asText());
        assertThat(again.get("read").asBoolean()).as("read before the rebuild, read after").isTrue();
        app.close();
        app = null;

        // the read-model store is lost: the whole log is processed afresh (not an Axon replay), and still no mail
        try (Stream<Path> files = Files.walk(data.resolve("readmodels"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        s = boot(data);
        InboxSteps finalS = s;
        InboxSteps.await(() -> finalS.firstOfKind(r.bob(), "DECISION_MADE"), "the rebuilt inbox");
        Thread.sleep(2000);
        assertThat(s.mailsTo(bobMail)).as("after losing the read models").hasSize(2);
    }

    @Test
    void aMailTheSmtpServerRefusesIsRetriedWithBackOffWhileTheNodeStaysUpAndDegradedAndIsSentOnceItIsBack() throws Exception {
        smtp.start();
        int port = smtp.getSmtp().getPort();
        InboxSteps s = boot(dir.resolve("data"), "--plenum.notifications.first-retry=PT1S",
                "--plenum.notifications.longest-retry=PT2S");
        InboxSteps.Riverside r = s.riverside();
        String bobMail = r.bob() + "@example.org";
        s.setAddress(r.bob(), bobMail);
        smtp.stop();
        s.openVote(r, null);
        InboxSteps.await(() -> "DEGRADED".equals(health(s).path("components").path("notificationMail").path("status").asText())
                ? true : null, "a degraded mail indicator");
        assertThat(health(s).path("status").asText()).as("the node still serves").isIn("UP", "DEGRADED");
        s.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        GreenMail back = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        back.start();
        try {
            InboxSteps late = new InboxSteps(s.http, back);
            InboxSteps.await(() -> late.mailTo(bobMail, "Vote open: Buy a <kiln> & more"), "the retried mail");
            InboxSteps.await(() -> "UP".equals(health(s).path("components").path("notificationMail").path("status").asText())
                    ? true : null, "the mail indicator back up");
            assertThat(late.mailsTo(bobMail)).hasSize(1);
        } finally {
            back.stop();
        }
    }

    private static JsonNode health(InboxSteps s) {
        return s.http.get().uri("/actuator/health").exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
