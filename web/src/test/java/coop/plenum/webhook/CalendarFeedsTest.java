package coop.plenum.webhook;

import coop.plenum.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, calendar: a scheduled proposal downloads as RFC 5545 iCalendar (checked by a small parser: CRLF, folding
 * at 75 octets, escaping, required properties, UTC); each account's private feed works without signing in, lists the
 * votes of its cooperatives, and dies when regenerated; a made-up token finds nothing.
 */
class CalendarFeedsTest extends BootedPlenum {

    @Test
    void aScheduledProposalDownloadsAsAWellFormedIcsWithItsVotingWindow() {
        AliceAndBob coop = riversideWithAliceAndBob();
        Instant opens = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(3, ChronoUnit.DAYS);
        String title = "Solar roof, phase 2; budget \\ 40k, and a very long title that needs folding: Ünïcödé café ☀ over 75 octets";
        String proposal = submit(coop, title, opens, closes);

        byte[] raw = http.get().uri("/api/v1/cooperatives/" + coop.coop() + "/proposals/" + proposal + "/calendar.ics")
                .headers(as(coop.bob())).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody().returnResult().getResponseBodyContent();
        String ics = new String(raw, StandardCharsets.UTF_8);

        assertWellFormed(ics);
        List<String> lines = unfold(ics);
        assertThat(lines).contains("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR");
        assertThat(lines).anyMatch(l -> l.startsWith("PRODID:"));
        assertThat(lines).contains("UID:proposal-" + proposal + "@plenum");
        assertThat(lines).anyMatch(l -> l.matches("DTSTAMP:\\d{8}T\\d{6}Z"));
        assertThat(lines).contains("DTSTART:" + utc(opens), "DTEND:" + utc(closes));
        assertThat(lines).contains("SUMMARY:Vote: Solar roof\\, phase 2\\; budget \\\\ 40k\\, and a very long title that needs "
                + "folding: Ünïcödé café ☀ over 75 octets");
        // the link comes from plenum.public-url (the booted tests' own, see BootedPlenum), never from the request
        assertThat(lines).contains("URL:" + TestMail.PUBLIC_URL + "/cooperatives/" + coop.coop() + "/proposals/" + proposal);

        String again = http.get().uri("/api/v1/cooperatives/" + coop.coop() + "/proposals/" + proposal + "/calendar.ics")
                .headers(as(coop.alice())).exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).as("the same bytes on every download: stable UID and stamp").isEqualTo(ics);
    }

    @Test
    void aProposalWithoutScheduleHasNoIcsAndOutsidersGetNone() {
        AliceAndBob coop = riversideWithAliceAndBob();
        String proposal = submit(coop, "Unscheduled", null, null);
        http.get().uri("/api/v1/cooperatives/" + coop.coop() + "/proposals/" + proposal + "/calendar.ics")
                .headers(as(coop.bob())).exchange().expectStatus().isNotFound();
        String outsider = unique("olga");
        createAccount(outsider, "Olga Outsider");
        String scheduled = submit(coop, "Scheduled", Instant.now().plus(1, ChronoUnit.DAYS), Instant.now().plus(2, ChronoUnit.DAYS));
        http.get().uri("/api/v1/cooperatives/" + coop.coop() + "/proposals/" + scheduled + "/calendar.ics")
                .headers(as(outsider)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/" + coop.coop() + "/proposals/" + scheduled + "/calendar.ics")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theFeedWorksWithoutSigningInAndARegeneratedTokenEndsTheOldUrl() {
        AliceAndBob coop = riversideWithAliceAndBob();
        Instant opens = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String proposal = submit(coop, "Wind turbine", opens, opens.plus(2, ChronoUnit.DAYS));

        String first = issueFeed(coop.bob());
        String feed = anonymousGet(first, 200);
        assertWellFormed(feed);
        List<String> lines = unfold(feed);
        assertThat(lines).contains("UID:proposal-" + proposal + "@plenum", "SUMMARY:Vote: Wind turbine");
        assertThat(feed).as("titles, times and links only").doesNotContain(coop.bob()).doesNotContain(coop.bobMember())
                .doesNotContain("Riverside");

        String second = issueFeed(coop.bob());
        assertThat(second).isNotEqualTo(first);
        anonymousGet(first, 404);
        assertThat(unfold(anonymousGet(second, 200))).contains("SUMMARY:Vote: Wind turbine");

        anonymousGet("http://localhost:" + port + "/calendar/cal_" + "A".repeat(43) + ".ics", 404);
        anonymousGet("http://localhost:" + port + "/calendar/garbage.ics", 404);
    }

    @Test
    void aFeedUrlFetchedMoreThanSixtyTimesAnHourIsRefusedWith429AndRetryAfterWhileOtherFeedsStillAnswer() {
        AliceAndBob coop = riversideWithAliceAndBob();
        String bobs = URI.create(issueFeed(coop.bob())).getRawPath();
        for (int i = 0; i < 60; i++) {
            anonymousGet(bobs, 200);
        }
        http.get().uri(bobs).exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", after -> assertThat(Long.parseLong(after)).isBetween(1L, 3600L))
                .expectBody().jsonPath("$.code").isEqualTo("request.throttled");
        anonymousGet(issueFeed(coop.alice()), 200);
    }

    // --- a small iCalendar reader ---------------------------------------------------------------------------------

    /** Every physical line ends in CRLF and holds at most 75 octets; continuation lines start with one space. */
    private static void assertWellFormed(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\n").doesNotContain("\r");
        String[] physical = ics.split("\r\n");
        for (String line : physical) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of: " + line).isLessThanOrEqualTo(75);
        }
        assertThat(Arrays.stream(physical).filter(l -> l.startsWith(" ")).count()).as("something was folded").isPositive();
    }

    private static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String line : ics.split("\r\n")) {
            if (line.startsWith(" ") && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String utc(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }

    private String submit(AliceAndBob coop, String title, Instant opens, Instant closes) {
        String schedule = opens == null ? "" : ",\"votingOpensAt\":\"" + opens + "\",\"votingClosesAt\":\"" + closes + "\"";
        JsonNode body = http.post().uri("/api/v1/cooperatives/" + coop.coop() + "/proposals").headers(as(coop.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":" + json(title) + ",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"" + schedule + "}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("proposalId").asText();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String issueFeed(String user) {
        return http.post().uri("/api/v1/accounts/me/calendar-feed").headers(as(user)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("url").asText();
    }

    private String anonymousGet(String url, int status) {
        return http.get().uri(URI.create(url).getRawPath()).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
