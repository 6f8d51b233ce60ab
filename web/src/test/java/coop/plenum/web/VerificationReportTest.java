package coop.plenum.web;

import coop.plenum.governance.audit.chain.AuditVerifier;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a verification is reported in the auditor's language, while what the auditor compares with the offline
 * check (positions, the chain head, the key id, the checkpoint's UTC time, the event type, the problem code) is shown
 * exactly as the export and {@code audit verify} print it.
 */
class VerificationReportTest {

    private static final AuditVerifier.Verification FAILED = new AuditVerifier.Verification("c1", false, 1234, 2, "ab12cd",
            new AuditVerifier.CheckpointView(1000, 1200, "ab12cd", "ff00", "2026-11-30T10:00:00Z", "key-7", "sig"),
            new AuditVerifier.BadEvent(1207, "prop-9", 3, "coop.plenum.governance.proposal.BallotCast",
                    AuditVerifier.Problem.ALTERED, null));

    @Test
    void anEnglishAuditorReadsTheSentencesAsBefore() {
        VerificationReport report = VerificationReport.of(FAILED, Words.in(Locale.ENGLISH));
        assertThat(report.headline()).isEqualTo("FAILED: the stored history differs from what was chained and signed.");
        assertThat(report.sentences()).containsExactly(
                "1,234 events checked against the chain: each still stored at its position, with the bytes it had when it was"
                        + " chained, up to the first bad one.",
                "2 events of the log committed but not chained yet: they are not counted as verified (the chain links new events"
                        + " within a second; verify again).",
                "The chain head is ab12cd.",
                "The last checkpoint, signed 2026-11-30T10:00:00Z by key key-7, covers the first 1,000 events (up to log position 1200).",
                "First bad event: position 1207, a BallotCast, event 3 of prop-9. ALTERED: its stored bytes (payload, metadata,"
                        + " type or time) were changed after it was chained.");
    }

    @Test
    void aGermanAuditorReadsThemInGermanWithTheTechnicalValuesAsStored() {
        VerificationReport report = VerificationReport.of(FAILED, Words.in(Locale.GERMAN));
        assertThat(report.headline()).startsWith("FEHLGESCHLAGEN:");
        assertThat(report.sentences()).contains("Der Kettenkopf ist ab12cd.",
                "Der letzte Prüfpunkt, signiert 2026-11-30T10:00:00Z mit Schlüssel key-7, deckt die ersten 1.000 Ereignisse ab"
                        + " (bis Protokollposition 1200).");
        assertThat(report.sentences().get(0)).startsWith("1.234 Ereignisse gegen die Kette geprüft");
        assertThat(report.sentences().get(4)).startsWith("Erstes fehlerhaftes Ereignis: Position 1207, ein BallotCast, Ereignis 3 von prop-9. ALTERED");
    }

    @Test
    void oneEventIsSaidInTheSingular() {
        AuditVerifier.Verification one = new AuditVerifier.Verification("c1", true, 1, 1, "ab", null, null);
        assertThat(VerificationReport.of(one, Words.in(Locale.forLanguageTag("es"))).sentences())
                .startsWith("Comprobados con la cadena: 1 evento; cada uno sigue guardado en su posición, con los bytes que tenía al encadenarse.")
                .contains("Confirmados en el registro pero aún no encadenados: 1 evento; no cuentan como verificados (la cadena enlaza los eventos nuevos en un segundo; verifica de nuevo).", "Aún no hay ningún punto de control firmado.");
    }
}
