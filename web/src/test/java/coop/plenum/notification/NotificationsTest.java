package coop.plenum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Notifications": events become inbox entries and emails per member preference; "your delegate voted" tells
 * a delegator how their power was counted; the day-before announcement and a secretary's reminder reach only those
 * not counted, with the exact power a class still needs; unsubscribe links are signed. Mail goes to GreenMail on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest {

    static final String PUBLIC_URL = InboxSteps.PUBLIC_URL;

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private ConfigurableApplicationContext app;
    private WebTestClient http;
    private InboxSteps s;

    @BeforeAll
    void boot() throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory("plenum-notify-");
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
    void aVoteOpeningPutsAnEntryInEachElectorsInboxAndMailsThoseWithAnAddressOnceWithAStableMessageIdAndUnsubscribe() throws Exception {
        InboxSteps.Riverside r = s.riverside();
        String bobMail = r.bob() + "@example.org";
        s.setAddress(r.bob(), bobMail);
        long unreadBefore = s.unread(r.bob());
        String proposal = s.openVote(r, Duration.ofDays(3));

        JsonNode opened = InboxSteps.await(() -> s.firstOfKind(r.bob(), "VOTE_OPENED"), "bob's vote-opened entry");
        assertThat(opened.get("title").asText()).isEqualTo("Vote open: Buy a <kiln> & more");
        assertThat(opened.get("link").asText()).isEqualTo(PUBLIC_URL + "/cooperatives/" + r.coop() + "/proposals/" + proposal);
        assertThat(opened.get("read").asBoolean()).isFalse();
        assertThat(s.unread(r.bob())).isEqualTo(unreadBefore + 1);
        assertThat(s.firstOfKind(r.dave(), "VOTE_OPENED")).as("dave has no address but an inbox entry").isNotNull();

        MimeMessage mail = InboxSteps.await(() -> s.mailTo(bobMail, "Vote open: Buy a <kiln> & more"), "bob's email");
        String html = InboxSteps.part(mail, "text/html");
        assertThat(html).contains("Buy a &lt;kiln&gt; &amp; more").doesNotContain("<kiln>");
        assertThat(InboxSteps.part(mail, "text/plain")).contains("Buy a <kiln> & more");
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<notification.").endsWith("@plenum.riverside.example>");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<" + PUBLIC_URL + "/notifications/unsubscribe?account=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Thread.sleep(1500);
        assertThat(s.mailsTo(bobMail)).as("one mail, not one per poll").hasSize(1);
        assertThat(s.mailsTo(r.dave() + "@example.org")).isEmpty();

        // mark read: one, then all
        http.post().uri("/api/v1/notifications/read").headers(Cooperators.as(r.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"ids\":[\"" + opened.get("id").asText() + "\"]}").exchange().expectStatus().isNoContent();
        assertThat(s.unread(r.bob())).isEqualTo(unreadBefore);
        http.post().uri("/api/v1/notifications/read").headers(Cooperators.as(r.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"all\":true}").exchange().expectStatus().isNoContent();
        assertThat(s.unread(r.bob())).isZero();
    }

    @Test
    void whenYourDelegateVotesYouAreToldWhoseBallotCarriesYourPowerAndThatYouMayStillVoteYourself() {
        InboxSteps.Riverside r = s.riverside();
        s.delegate(r.carol(), r.coop(), r.carolMember(), r.bobMember());
        String proposal = s.openVote(r, Duration.ofDays(3));
        InboxSteps.await(() -> s.firstOfKind(r.carol(), "VOTE_OPENED"), "carol's vote-opened entry");
        s.ballot(r.bob(), r.coop(), proposal, r.bobMember(), "YES");

        JsonNode told = InboxSteps.await(() -> s.firstOfKind(r.carol(), "DELEGATE_VOTED"), "carol's delegate-voted entry");
        assertThat(told.get("text").asText())
                .startsWith("Bob Member voted on “Buy a <kiln> & more” (YES). Your voting power of 1 is counted with their ballot")
                .contains("You can still vote yourself until");
        assertThat(told.get("link").asText()).endsWith("/proposals/" + proposal);
        assertThat(s.firstOfKind(r.dave(), "DELEGATE_VOTED")).as("dave delegates to nobody").isNull();
        assertThat(s.firstOfKind(r.bob(), "DELEGATE_VOTED")).as("bob voted himself").isNull();
        assertThat(s.firstOfKind(r.bob(), "DELEGATION")).as("bob was told carol delegated to him").isNotNull();
    }

    @Test
    void theDayBeforeClosingOnlyTheUncountedAreToldAndEachShortClassLearnsTheExactPowerItStillNeeds() {
        InboxSteps.Riverside r = s.riverside();
        s.delegate(r.carol(), r.coop(), r.carolMember(), r.bobMember());
        // closes a day and a few seconds after opening: the day-before task is due some seconds after opening
        String proposal = s.openVote(r, Duration.ofDays(1).plusSeconds(20));
        s.ballot(r.bob(), r.coop(), proposal, r.bobMember(), "YES");

        JsonNode aliceShort = InboxSteps.await(() -> s.firstOfKind(r.alice(), "QUORUM_SHORT"), "alice's quorum-short entry");
        // workers: alice alone, power 1, quorum 50 %: 0.5 missing; users (bob, carol through bob, dave): 2 of 3 ≥ 20 %
        assertThat(aliceShort.get("text").asText()).startsWith(
                "On “Buy a <kiln> & more”, class workers has 0 of 1 voting power counted; its quorum of 50% needs 0.5 more before ");
        assertThat(s.firstOfKind(r.alice(), "CLOSING_SOON")).isNotNull();
        InboxSteps.await(() -> s.firstOfKind(r.dave(), "CLOSING_SOON"), "dave's closing-soon entry");
        assertThat(s.firstOfKind(r.dave(), "QUORUM_SHORT")).as("users met their quorum").isNull();
        assertThat(s.firstOfKind(r.bob(), "CLOSING_SOON")).as("bob voted").isNull();
        assertThat(s.firstOfKind(r.carol(), "CLOSING_SOON")).as("carol is counted through bob").isNull();
    }

    @Test
    void aSecretBallotCountsAsTakingPartSoItsVoterIsNotReminded() {
        InboxSteps.Riverside r = s.riverside();
        String proposal = http.post().uri("/api/v1/cooperatives/" + r.coop() + "/proposals").headers(Cooperators.as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Renew the contract\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"secrecy\":\"SECRET\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/" + r.coop() + "/proposals/" + proposal + "/opening").headers(Cooperators.as(r.alice()))
                .exchange().expectStatus().is2xxSuccessful();
        s.ballot(r.bob(), r.coop(), proposal, r.bobMember(), "NO");
        http.post().uri("/api/v1/cooperatives/" + r.coop() + "/proposals/" + proposal + "/reminders").headers(Cooperators.as(r.alice()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.reminded").isEqualTo(3);
        assertThat(s.firstOfKind(r.bob(), "VOTE_REMINDER")).isNull();
        assertThat(s.firstOfKind(r.alice(), "VOTE_REMINDER")).isNotNull();
    }

    @Test
    void aSecretaryRemindsOnlyThoseNotCountedAndOnlyOncePerVotePerDay() {
        InboxSteps.Riverside r = s.riverside();
        s.delegate(r.carol(), r.coop(), r.carolMember(), r.bobMember());
        String proposal = s.openVote(r, Duration.ofDays(3));
        s.ballot(r.bob(), r.coop(), proposal, r.bobMember(), "YES");
        String path = "/api/v1/cooperatives/" + r.coop() + "/proposals/" + proposal + "/reminders";

        http.post().uri(path).headers(Cooperators.as(r.bob())).exchange().expectStatus().isForbidden();
        http.post().uri(path).exchange().expectStatus().isUnauthorized();
        http.post().uri(path).headers(Cooperators.as(r.alice())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reminded").isEqualTo(2);
        assertThat(s.firstOfKind(r.dave(), "VOTE_REMINDER")).isNotNull();
        assertThat(s.firstOfKind(r.alice(), "VOTE_REMINDER")).isNotNull();
        assertThat(s.firstOfKind(r.bob(), "VOTE_REMINDER")).isNull();
        assertThat(s.firstOfKind(r.carol(), "VOTE_REMINDER")).isNull();

        http.post().uri(path).headers(Cooperators.as(r.alice())).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("reminder.already-sent-today");
        assertThat(s.kinds(r.dave()).stream().filter("VOTE_REMINDER"::equals).count()).isEqualTo(1);
    }

    @Test
    void anUnsubscribeLinkWorksWithoutSigningInAndATamperedOneIsRefused() throws Exception {
        InboxSteps.Riverside r = s.riverside();
        String bobMail = r.bob() + "@example.org";
        s.setAddress(r.bob(), bobMail);
        s.openVote(r, Duration.ofDays(3));
        MimeMessage mail = InboxSteps.await(() -> s.mailTo(bobMail, "Vote open: Buy a <kiln> & more"), "bob's email");
        String link = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        String path = link.substring(PUBLIC_URL.length());
        String query = path.substring(path.indexOf('?') + 1);

        http.get().uri(path).exchange().expectStatus().isOk();
        String tampered = query.replace("kind=VOTE_OPENED", "kind=DECISION_MADE");
        http.post().uri("/notifications/unsubscribe?" + tampered).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click")).exchange().expectStatus().isBadRequest();
        assertThat(s.preference(r.bob(), "DECISION_MADE")).isEqualTo("IN_APP");
        assertThat(s.preference(r.bob(), "VOTE_OPENED")).isEqualTo("EMAIL");

        http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click")).exchange().expectStatus().isOk();
        assertThat(s.preference(r.bob(), "VOTE_OPENED")).isEqualTo("IN_APP");
    }

    @Test
    void peersAreAskedToEvaluateAContributionAndTheContributorIsToldTheRevenueAllocatedToThem() {
        InboxSteps.Riverside r = s.riverside();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String contribution = http.post().uri("/api/v1/cooperatives/" + r.coop() + "/contributions").headers(Cooperators.as(r.bob()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"depot\",\"type\":\"WORK_HOURS\",\"quantity\":2,\"description\":\"Roof <tiles>\",\"occurredOn\":\"" + today + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("contributionId").asText();
        JsonNode asked = s.firstOfKind(r.carol(), "EVALUATION_AWAITED");
        assertThat(asked.get("text").asText()).isEqualTo(
                "Bob Member logged 2 WORK_HOURS on project depot: “Roof <tiles>”. It is decided after 2 evaluations by peers.");
        assertThat(asked.get("link").asText()).isEqualTo(PUBLIC_URL + "/cooperatives/" + r.coop() + "/ledger");
        assertThat(s.firstOfKind(r.alice(), "EVALUATION_AWAITED")).isNotNull();
        assertThat(s.firstOfKind(r.bob(), "EVALUATION_AWAITED")).as("not asked to judge his own").isNull();

        for (String peer : List.of(r.alice(), r.carol())) {
            http.post().uri("/api/v1/cooperatives/" + r.coop() + "/contributions/" + contribution + "/evaluations")
                    .headers(Cooperators.as(peer)).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"verdict\":\"ACCEPT\"}")
                    .exchange().expectStatus().isCreated();
        }
        http.post().uri("/api/v1/cooperatives/" + r.coop() + "/revenues").headers(Cooperators.as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"project\":\"depot\",\"amount\":\"100\",\"currency\":\"EUR\"}")
                .exchange().expectStatus().isCreated();
        JsonNode paid = s.firstOfKind(r.bob(), "REVENUE_ALLOCATED");
        assertThat(paid.get("text").asText()).isEqualTo(
                "You were allocated 100.00 EUR of revenue on project depot: your 2 of the project's 2 accepted points.");
        assertThat(s.firstOfKind(r.carol(), "REVENUE_ALLOCATED")).as("carol has no points on depot").isNull();
    }

    @Test
    void preferencesRefuseAnUnknownDeliveryNamingTheFieldAndStoreNothing() {
        InboxSteps.Riverside r = s.riverside();
        http.put().uri("/api/v1/notifications/preferences").headers(Cooperators.as(r.dave())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"dave@example.org\",\"preferences\":{\"VOTE_OPENED\":\"PIGEON\"}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("preferences.VOTE_OPENED");
        http.put().uri("/api/v1/notifications/preferences").headers(Cooperators.as(r.dave())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"not an address\",\"preferences\":{\"VOTE_OPENED\":\"OFF\"}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("email");
        assertThat(s.preference(r.dave(), "VOTE_OPENED")).isEqualTo("EMAIL");
        http.get().uri("/api/v1/notifications/preferences").headers(Cooperators.as(r.dave())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("");
        http.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void notificationEmailGoesToTheAccountsAddressUnlessASeparateNotificationAddressIsSet() throws Exception {
        InboxSteps.Riverside r = s.riverside();
        String own = r.bob() + "@own.example.org";
        String separate = r.bob() + "@notify.example.org";
        accountAddress(r.bob(), own);

        s.openVote(r, Duration.ofDays(3));
        InboxSteps.await(() -> s.mailTo(own, "Vote open: Buy a <kiln> & more"), "the vote-opened mail at bob's own address");

        s.setAddress(r.bob(), separate);
        s.openVote(r, Duration.ofDays(3));
        InboxSteps.await(() -> s.mailsTo(separate).size() == 1 ? true : null, "the second vote's mail at bob's notification address");

        s.setAddress(r.bob(), "");
        accountAddress(r.bob(), r.bob() + "@moved.example.org");
        s.openVote(r, Duration.ofDays(3));
        InboxSteps.await(() -> s.mailsTo(r.bob() + "@moved.example.org").size() == 1 ? true : null,
                "the third vote's mail at bob's changed own address, the separate one cleared");
        Thread.sleep(1_000);
        assertThat(s.mailsTo(own)).as("only the first vote went to the old own address").hasSize(1);
        assertThat(s.mailsTo(separate)).as("only the second went to the separate address").hasSize(1);
    }

    @Test
    void theDailyDigestGoesAtTheDigestHourInEachMembersOwnTimeZone() throws Exception {
        InboxSteps.Riverside r = s.riverside();
        // bob keeps UTC; carol lives in Auckland (UTC+13 in December, +12 in winter: never the same hour as UTC)
        for (String member : List.of(r.bob(), r.carol())) {
            accountAddress(member, member + "@example.org");
            http.put().uri("/api/v1/notifications/preferences").headers(Cooperators.as(member)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"preferences\":{\"VOTE_OPENED\":\"DIGEST\"}}").exchange().expectStatus().isOk();
        }
        http.put().uri("/api/v1/accounts/me/profile").headers(Cooperators.as(r.carol())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"Carol Member\",\"timeZone\":\"Pacific/Auckland\",\"language\":\"en\"}")
                .exchange().expectStatus().isNoContent();
        s.openVote(r, Duration.ofDays(3));
        InboxSteps.await(() -> s.firstOfKind(r.carol(), "VOTE_OPENED"), "carol's vote-opened entry");
        InboxSteps.await(() -> s.firstOfKind(r.bob(), "VOTE_OPENED"), "bob's vote-opened entry");
        assertThat(s.mailsTo(r.bob() + "@example.org")).as("DIGEST: no mail of its own").isEmpty();

        // the digest task's scheduled instants, injected: the next 07:00 in UTC, and the next 07:00 in Auckland
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant sevenUtc = nextSeven(now, java.time.ZoneOffset.UTC);
        java.time.Instant sevenAuckland = nextSeven(now, java.time.ZoneId.of("Pacific/Auckland"));
        coop.plenum.governance.notification.query.DailyDigest digest =
                app.getBean(coop.plenum.governance.notification.query.DailyDigest.class);

        digest.send(sevenUtc);
        MimeMessage bobs = InboxSteps.await(() -> s.mailTo(r.bob() + "@example.org", "Your Plenum digest: 1 notification"),
                "bob's digest at 07:00 UTC");
        assertThat(InboxSteps.part(bobs, "text/plain")).contains("Vote open: Buy a <kiln> & more", "07:00 UTC");
        digest.send(sevenAuckland);
        MimeMessage carols = InboxSteps.await(() -> s.mailTo(r.carol() + "@example.org", "Your Plenum digest: 1 notification"),
                "carol's digest at 07:00 in Auckland");
        assertThat(InboxSteps.part(carols, "text/plain")).contains("Vote open: Buy a <kiln> & more", "07:00 Pacific/Auckland");
        // a run again at either hour (a late or repeated run) queues nothing more
        digest.send(sevenUtc);
        digest.send(sevenAuckland);
        Thread.sleep(1_000);
        assertThat(s.mailsTo(r.bob() + "@example.org")).as("one digest: not at carol's hour, not twice").hasSize(1);
        assertThat(s.mailsTo(r.carol() + "@example.org")).as("one digest: not at 07:00 UTC, not twice").hasSize(1);
    }

    private static java.time.Instant nextSeven(java.time.Instant now, java.time.ZoneId zone) {
        java.time.ZonedDateTime seven = now.atZone(zone).toLocalDate().atTime(7, 0).atZone(zone);
        return seven.toInstant().isAfter(now) ? seven.toInstant() : seven.plusDays(1).toInstant();
    }

    private void accountAddress(String username, String email) {
        http.put().uri("/api/v1/accounts/me/email").headers(Cooperators.as(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\"}").exchange().expectStatus().isNoContent();
    }

}
