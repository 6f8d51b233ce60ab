package coop.plenum.pages;

import coop.plenum.support.PageSession;
import coop.plenum.webhook.LoopbackReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the secretary's webhook pages (add with the secret shown once, test delivery, delivery log, refusals
 * shown on the form) are the secretary's only; the calendar button shows the member's private feed URL.
 */
class WebhookAndCalendarPagesTest extends PageScenario {

    private LoopbackReceiver receiver;
    private PageSession page;

    @BeforeEach
    void aSecretarySignedIn() throws Exception {
        receiver = new LoopbackReceiver();
        aliceFoundsACooperative();
        page = signedIn(alice);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSecretaryAddsAWebhookSeesItsSecretOnceSendsATestAndReadsTheDeliveryLog() throws Exception {
        PageSession.Answer added = page.post("/cooperatives/{c}/webhooks",
                Map.of("url", receiver.url("/page"), "events", "voting.opened"), coop);
        assertThat(added.code()).isEqualTo(200);
        isAPlenumPage(added);
        Matcher secret = Pattern.compile("id=\"webhook-secret\">(whsec_[A-Za-z0-9_-]+)<").matcher(added.body());
        assertThat(secret.find()).as("the secret is on the page").isTrue();
        PageSession.Answer list = page.get("/cooperatives/{c}/webhooks", coop);
        assertThat(list.body()).contains(receiver.url("/page")).doesNotContain(secret.group(1));
        Matcher id = Pattern.compile("data-webhook=\"([^\"]+)\"").matcher(list.body());
        assertThat(id.find()).isTrue();

        PageSession.Answer test = page.post("/cooperatives/{c}/webhooks/{w}/test", Map.of(), coop, id.group(1));
        assertThat(test.code()).isEqualTo(303);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (receiver.at("/page").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(receiver.at("/page")).hasSize(1);
        assertThat(receiver.at("/page").get(0).header("X-Plenum-Event")).isEqualTo("webhook.test");
        String log;
        do {
            Thread.sleep(100);
            log = page.get("/cooperatives/{c}/webhooks/{w}", coop, id.group(1)).body();
        } while (!log.contains("DELIVERED") && Instant.now().isBefore(deadline));
        assertThat(log).contains("webhook.test").contains("DELIVERED");
    }

    @Test
    void aRefusedUrlIsShownOnTheFormAndNothingIsStored() {
        long before = eventsInTheLog();
        PageSession.Answer refused = page.post("/cooperatives/{c}/webhooks",
                Map.of("url", "https://169.254.169.254/latest", "events", "voting.opened"), coop);
        isAPlenumPage(refused);
        assertThat(refused.body()).contains("id=\"refusal\"").contains("link-local").contains("169.254.169.254");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aMemberWhoIsNotSecretaryGetsNoWebhookPage() {
        String bob = unique("bob");
        createAccount(bob, "Bob");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        PageSession bobsPage = signedIn(bob);
        PageSession.Answer answer = bobsPage.get("/cooperatives/{c}/webhooks", coop);
        assertThat(answer.code()).isEqualTo(403);
        isAPlenumPage(answer);
        assertThat(bobsPage.post("/cooperatives/{c}/webhooks", Map.of("url", receiver.url("/bob"), "events", "voting.opened"), coop)
                .code()).isEqualTo(403);
    }

    @Test
    void theCalendarButtonShowsAFeedUrlThatWorksWithoutSigningIn() {
        PageSession.Answer feed = page.post("/calendar-feed", Map.of());
        isAPlenumPage(feed);
        Matcher url = Pattern.compile("id=\"calendar-feed-url\">https?://[^/]+(/calendar/cal_[A-Za-z0-9_-]+\\.ics)<").matcher(feed.body());
        assertThat(url.find()).as(feed.body()).isTrue();
        http.get().uri(url.group(1)).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/calendar");
        String scheduled = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Roof\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"votingOpensAt\":\""
                        + Instant.now().plusSeconds(86_400) + "\",\"votingClosesAt\":\"" + Instant.now().plusSeconds(172_800) + "\"}")
                .exchange().expectStatus().isCreated().expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        assertThat(page.get("/cooperatives/{c}/proposals/{p}", coop, scheduled).body()).contains("calendar.ics");
        PageSession.Answer ics = page.get(MediaType.ALL, "/cooperatives/{c}/proposals/{p}/calendar.ics", coop, scheduled);
        assertThat(ics.code()).isEqualTo(200);
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Vote: Roof\r\n");
    }
}
