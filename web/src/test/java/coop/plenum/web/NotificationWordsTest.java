package coop.plenum.web;

import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a notification is said in the inbox reader's language from its code and parameters; one stored before
 * codes existed, or with a code the bundles do not know, is shown as it was stored.
 */
class NotificationWordsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static NotificationView view(NotificationKind kind, String code, List<String> params) {
        return new NotificationView("n1", kind, "c1", "p1", "Decided: Kiln", "The vote on “Kiln” closed: accepted.",
                "/cooperatives/c1/proposals/p1", Instant.parse("2026-12-01T06:00:00Z"), false, code, params);
    }

    private static NotificationWords.Shown said(NotificationView n, Locale locale, String zone) {
        return NotificationWords.of(n, Words.in(locale), Figures.in(locale), ZoneId.of(zone));
    }

    @Test
    void aDecisionIsSaidInSpanishWithItsOutcomeAndApprovalInWords() {
        NotificationWords.Shown shown = said(view(NotificationKind.DECISION_MADE, "decision-made",
                List.of("Kiln", "ACCEPTED", "0.750000", "")), SPANISH, "Europe/Madrid");
        assertThat(shown.title()).isEqualTo("Decidido: Kiln");
        assertThat(shown.text()).startsWith("La votación sobre «Kiln» se cerró: ").contains("(aprobación 75\u00a0%)")
                .doesNotContain("ACCEPTED", "0.750000");
    }

    @Test
    void aClosingVoteGivesItsTimeInTheReadersZoneAndLanguage() {
        NotificationWords.Shown shown = said(view(NotificationKind.CLOSING_SOON, "closing-soon",
                List.of("Kiln", "2030-07-01T08:00:00Z")), Locale.GERMAN, "Europe/Berlin");
        assertThat(shown.title()).isEqualTo("Endet in 24 Stunden: Kiln");
        assertThat(shown.text()).startsWith("Die Abstimmung über „Kiln“ endet am 1. Juli 2030, 10:00 MESZ");
    }

    @Test
    void anEntryStoredWithoutACodeOrWithAnUnknownOneIsShownAsStored() {
        NotificationWords.Shown old = said(view(NotificationKind.DECISION_MADE, null, null), SPANISH, "UTC");
        assertThat(old).isEqualTo(new NotificationWords.Shown("Decided: Kiln", "The vote on “Kiln” closed: accepted."));
        NotificationWords.Shown unknown = said(view(NotificationKind.DECISION_MADE, "something-new", List.of("x")), SPANISH, "UTC");
        assertThat(unknown.title()).isEqualTo("Decided: Kiln");
        NotificationWords.Shown malformed = said(view(NotificationKind.DECISION_MADE, "decision-made", List.of("Kiln")), SPANISH, "UTC");
        assertThat(malformed.title()).as("parameters that do not fit the code").isEqualTo("Decided: Kiln");
    }

    @Test
    void aDecisionsApprovalIsReadAsTheExactRationalTheProjectionStores() {
        // NotificationProjection keeps VoteClosed's approval as Ratio.toString(): "3/4", never a decimal (the demo's
        // inbox failed with a 500 on it)
        NotificationWords.Shown shown = said(view(NotificationKind.DECISION_MADE, "decision-made",
                List.of("Kiln", "ACCEPTED", "3/4", "")), Locale.ENGLISH, "UTC");
        assertThat(shown.text()).contains("75\u00a0%").doesNotContain("3/4");
    }

    @Test
    void aParameterThatCannotBeReadAsItsKindIsShownAsStoredAndTheInboxStillRenders() {
        NotificationWords.Shown approval = said(view(NotificationKind.DECISION_MADE, "decision-made",
                List.of("Kiln", "ACCEPTED", "most/all", "")), Locale.ENGLISH, "UTC");
        assertThat(approval.text()).contains("most/all");
        NotificationWords.Shown closing = said(view(NotificationKind.CLOSING_SOON, "closing-soon",
                List.of("Kiln", "next Tuesday")), Locale.GERMAN, "Europe/Berlin");
        assertThat(closing.text()).contains("next Tuesday");
    }
}
