package coop.plenum.governance.notification.query;

import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.notification.delivery.OutboxMail;
import coop.plenum.governance.notification.delivery.UnsubscribeLinks;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyDigestTest {

    private final DailyDigest digest = new DailyDigest(null, null, null, new PublicUrl(URI.create("https://plenum.example")),
            new UnsubscribeLinks("key".getBytes(StandardCharsets.UTF_8)), null, null);

    private static NotificationDocument entry(String id, String kind, String title, String text, String path) {
        return new NotificationDocument(id, "acc-1", kind, "c1", null, title, text, path,
                Instant.parse("2026-12-01T06:00:00Z"), false, "DIGEST", false, null, null);
    }

    @Test
    void oneMailPerAccountAndDayListsEachEntryWithItsLinkAndAnUnsubscribeLinkPerKindEscapingWhatPeopleWrote() {
        OutboxMail mail = digest.digest("acc-1", "ada@example.org", List.of(
                entry("n1", "COMMENT", "New comment on <Kiln>", "Bob: \"yes & no\"", "/cooperatives/c1/proposals/p1"),
                entry("n2", "DECISION_MADE", "Decided: Kiln", "accepted", "/cooperatives/c1/proposals/p1")),
                Instant.parse("2026-12-01T07:00:00Z"));

        assertThat(mail.key()).isEqualTo("digest|acc-1|2026-12-01");
        assertThat(mail.subject()).isEqualTo("Your Plenum digest: 2 notifications");
        assertThat(mail.text()).contains("* New comment on <Kiln>", "https://plenum.example/cooperatives/c1/proposals/p1",
                "https://plenum.example/notifications/unsubscribe?account=acc-1&kind=COMMENT&signature=",
                "https://plenum.example/notifications/unsubscribe?account=acc-1&kind=DECISION_MADE&signature=");
        assertThat(mail.html()).contains("New comment on &lt;Kiln&gt;", "Bob: &quot;yes &amp; no&quot;").doesNotContain("<Kiln>");
        assertThat(mail.unsubscribeUrl()).as("mixed kinds: no single one-click header").isNull();
    }

    @Test
    void theDigestOfAMembersDayGoesAtSevenTheirTimeOrTheFirstWholeUtcHourAfterIt() {
        java.time.ZoneId madrid = java.time.ZoneId.of("Europe/Madrid");
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        assertThat(digest.dayServedBy(Instant.parse("2026-12-01T06:00:00Z"), madrid)).hasToString("2026-12-01");
        assertThat(digest.dayServedBy(Instant.parse("2026-12-01T07:00:00Z"), madrid)).isNull();
        assertThat(digest.dayServedBy(Instant.parse("2026-12-01T07:00:00Z"), java.time.ZoneOffset.UTC)).hasToString("2026-12-01");
        // 07:00 in Kolkata is 01:30 UTC: the run at 02:00 UTC (07:30 there) serves it, once
        assertThat(digest.dayServedBy(Instant.parse("2026-12-01T01:00:00Z"), kolkata)).isNull();
        assertThat(digest.dayServedBy(Instant.parse("2026-12-01T02:00:00Z"), kolkata)).hasToString("2026-12-01");
    }

    @Test
    void daysWindowsMeetAcrossADaylightSavingChangeSoNoEntryIsMailedTwiceOrSkipped() {
        java.time.ZoneId madrid = java.time.ZoneId.of("Europe/Madrid");
        // clocks went back on 25 Oct 2026: that local day is 25 hours long, and its window is too
        assertThat(digest.runOf(java.time.LocalDate.parse("2026-10-25"), madrid)).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
        assertThat(digest.runOf(java.time.LocalDate.parse("2026-10-24"), madrid)).isEqualTo(Instant.parse("2026-10-24T05:00:00Z"));
    }
}
