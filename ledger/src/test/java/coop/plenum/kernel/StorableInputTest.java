package coop.plenum.kernel;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared kernel's rules for what may be stored: text, decimals, instants and identifiers. */
class StorableInputTest {

    @Test
    void nulAndOtherControlCharactersAreNeverStorableText() {
        for (char c : new char[]{'\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'}) {
            assertThat(Texts.isStorable("a" + c + "b", Texts.Lines.MANY)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void lineBreaksAndTabsAreStorableOnlyWhereTextSpansLines() {
        assertThat(Texts.isStorable("one\r\n\ttwo", Texts.Lines.MANY)).isTrue();
        assertThat(Texts.isStorable("one\ntwo", Texts.Lines.ONE)).isFalse();
        assertThat(Texts.isStorable("one\ttwo", Texts.Lines.ONE)).isFalse();
    }

    @Test
    void unpairedSurrogatesAreNotStorableButEmojiAndOtherScriptsAre() {
        assertThat(Texts.isStorable("half \ud800 pair", Texts.Lines.ONE)).isFalse();
        assertThat(Texts.isStorable("\udc00", Texts.Lines.ONE)).isFalse();
        assertThat(Texts.isStorable("Zoë 協同組合 🌍 مرحبا é\u0301", Texts.Lines.ONE)).isTrue();
    }

    @Test
    void aRefusedTextNamesItsFieldAndTheCharacter() {
        List<Violation> v = new ArrayList<>();
        Texts.required("title", "Solar\u0000", 200, Texts.Lines.ONE, "proposal.title-invalid", "…", v);
        assertThat(v).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("title");
            assertThat(violation.code()).isEqualTo(Texts.CONTROL_CHARACTER);
            assertThat(violation.message()).contains("U+0000");
        });
    }

    @Test
    void decimalBoundsCheckHostileExponentsWithoutExpandingThem() {
        BigDecimal max = new BigDecimal("1000000");
        assertThat(Decimals.isWithin(new BigDecimal("1E+999999999"), BigDecimal.ZERO, false, max, 6)).isFalse();
        assertThat(Decimals.isWithin(new BigDecimal("1E-999999999"), BigDecimal.ZERO, false, max, 6)).isFalse();
        assertThat(Decimals.isWithin(new BigDecimal("999999.999999"), BigDecimal.ZERO, false, max, 6)).isTrue();
        assertThat(Decimals.isWithin(new BigDecimal("1.5000000000"), BigDecimal.ZERO, false, max, 6)).isTrue();
        assertThat(Decimals.isWithin(BigDecimal.ZERO, BigDecimal.ZERO, true, max, 6)).isFalse();
        assertThat(Decimals.isWithin(new BigDecimal("1E+3"), BigDecimal.ZERO, false, max, 0)).isTrue();
    }

    @Test
    void aNegativeScaleIsMadePlainSoTheNumberReadsBackEqual() {
        assertThat(Decimals.plain(new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000"));
        assertThat(Decimals.plain(new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        // never expanded: the bounds refuse it
        assertThat(Decimals.plain(new BigDecimal("1E+999999999")).scale()).isEqualTo(-999999999);
    }

    @Test
    void instantsAndDatesLieBetween1970And9999() {
        assertThat(Instants.isStorable(Instant.EPOCH)).isTrue();
        assertThat(Instants.isStorable(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isTrue();
        assertThat(Instants.isStorable(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(Instants.isStorable(Instant.parse("+294277-01-01T00:00:00Z"))).isFalse();
        assertThat(Instants.isStorable(Instant.EPOCH.minusNanos(1))).isFalse();
        assertThat(Instants.isStorable(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(Instants.isStorable(LocalDate.of(1969, 12, 31))).isFalse();
    }

    @Test
    void identifiersAreShortAndClean() {
        assertThat(Ids.isWellFormed("3f2a-uuid")).isTrue();
        assertThat(Ids.isWellFormed("admin\u0000")).isFalse();
        assertThat(Ids.isWellFormed("x".repeat(Ids.MAX_LENGTH + 1))).isFalse();
        assertThat(Ids.isWellFormed(" ")).isFalse();
    }
}
