package coop.plenum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import coop.plenum.governance.notification.query.DailyDigest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PlenumContexts;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 "Languages and time": a notification's email and the daily digest are written in the recipient account's
 * language (its profile; English when none) with dates in its time zone, fixed phrases included; a member who never
 * chose a language gets the English mail they always got. Mail goes to GreenMail on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMailInTheMembersLanguageTest {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private ConfigurableApplicationContext app;
    private WebTestClient http;
    private InboxSteps s;

    @BeforeAll
    void boot() throws java.io.IOException {
        Path dir = Files.createTempDirectory("plenum-mail-language-");
        smtp.start();
        app = PlenumContexts.start(dir.resolve("data"), InboxSteps.ADMIN, InboxSteps.mailArguments(smtp));
        http = PlenumContexts.client(app);
        s = new InboxSteps(http, smtp);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        smtp.stop();
    }

    @Test
    void aSpanishMembersMailIsSpanishWithDatesInTheirZoneAndAMemberWithoutALanguageGetsTheStoredEnglish() throws Exception {
        InboxSteps.Riverside r = s.riverside();
        String bobMail = r.bob() + "@example.org";
        String carolMail = r.carol() + "@example.org";
        s.setAddress(r.bob(), bobMail);
        s.setAddress(r.carol(), carolMail);
        profile(r.bob(), "Europe/Madrid", "es");
        String proposal = s.openVote(r, Duration.ofDays(3));
        Instant closes = closesAt(r, proposal);

        MimeMessage spanish = InboxSteps.await(() -> s.mailTo(bobMail, "Votación abierta: Buy a <kiln> & more"),
                "bob's vote-opened mail in Spanish");
        String madrid = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.forLanguageTag("es"))
                .withZone(ZoneId.of("Europe/Madrid")).format(closes);
        String text = plain(spanish);
        assertThat(text).startsWith("La votación sobre «Buy a <kiln> & more» está abierta hasta el " + madrid + ". Tu poder de voto: ")
                .contains("\n--\nNo recibir más correos de este tipo: " + InboxSteps.PUBLIC_URL + "/notifications/unsubscribe?")
                .doesNotContain("Voting on", "Stop emails");
        assertThat(InboxSteps.part(spanish, "text/html"))
                .contains("La votación sobre «Buy a &lt;kiln&gt; &amp; more» está abierta hasta el " + madrid,
                        ">No recibir más correos de este tipo</a>")
                .doesNotContain("<kiln>");

        // carol never chose a language or a zone: her mail says exactly what her (English, UTC) inbox entry says
        MimeMessage english = InboxSteps.await(() -> s.mailTo(carolMail, "Vote open: Buy a <kiln> & more"), "carol's mail");
        JsonNode entry = s.firstOfKind(r.carol(), "VOTE_OPENED");
        assertThat(plain(english)).startsWith(entry.get("text").asText() + "\n\n")
                .contains("UTC", "\n--\nStop emails of this kind: ");
        assertThat(InboxSteps.part(english, "text/html")).contains(">Stop emails of this kind</a>");
    }

    @Test
    void aGermanMembersDigestIsGermanFromHeadingToUnsubscribeLinesAtSevenTheirTime() throws Exception {
        InboxSteps.Riverside r = s.riverside();
        String daveMail = r.dave() + "@example.org";
        s.setAddress(r.dave(), daveMail);
        http.put().uri("/api/v1/notifications/preferences").headers(Cooperators.as(r.dave())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"preferences\":{\"VOTE_OPENED\":\"DIGEST\"}}").exchange().expectStatus().isOk();
        profile(r.dave(), "Europe/Berlin", "de");
        s.openVote(r, null);
        InboxSteps.await(() -> s.firstOfKind(r.dave(), "VOTE_OPENED"), "dave's vote-opened entry");

        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant now = Instant.now();
        ZonedDateTime seven = now.atZone(berlin).toLocalDate().atTime(7, 0).atZone(berlin);
        Instant run = seven.toInstant().isAfter(now) ? seven.toInstant() : seven.plusDays(1).toInstant();
        app.getBean(DailyDigest.class).send(run);

        MimeMessage digest = InboxSteps.await(() -> s.mailTo(daveMail, "Deine Plenum-Zusammenfassung: 1 Benachrichtigung"),
                "dave's digest in German");
        // German writes the day with a full stop: "3. Dez., 07:00"
        String until = DateTimeFormatter.ofPattern("d. MMM, HH:mm", Locale.GERMAN).format(run.atZone(berlin)) + " Europe/Berlin";
        String text = plain(digest);
        assertThat(text).startsWith("Deine Plenum-Zusammenfassung des Tages bis " + until + ":\n")
                .contains("* Abstimmung offen: Buy a <kiln> & more",
                        "Die Abstimmung über „Buy a <kiln> & more“ ist offen bis das Sekretariat sie schließt.",
                        "\"Eine Abstimmung wurde geöffnet\" abbestellen: " + InboxSteps.PUBLIC_URL + "/notifications/unsubscribe?")
                .doesNotContain("Your Plenum digest", "Vote open", "Stop ");
        assertThat(InboxSteps.part(digest, "text/html"))
                .contains("Deine Plenum-Zusammenfassung des Tages bis " + until + ":", "„Eine Abstimmung wurde geöffnet“ abbestellen</a>")
                .doesNotContain("Stop ");
    }

    /** The plain body with its lines ended as written (SMTP ends them with CRLF). */
    private static String plain(MimeMessage mail) throws Exception {
        return InboxSteps.part(mail, "text/plain").replace("\r\n", "\n");
    }

    private void profile(String username, String zone, String language) {
        http.put().uri("/api/v1/accounts/me/profile").headers(Cooperators.as(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"Someone\",\"timeZone\":\"" + zone + "\",\"language\":\"" + language + "\"}")
                .exchange().expectStatus().isNoContent();
    }

    private Instant closesAt(InboxSteps.Riverside r, String proposal) {
        JsonNode json = http.get().uri("/api/v1/cooperatives/" + r.coop() + "/proposals/" + proposal).headers(Cooperators.as(r.alice()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return Instant.parse(json.get("votingClosesAt").asText());
    }
}
