package coop.plenum.web;

import coop.plenum.governance.proposal.ProposalInputRules;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a form field the core refuses is explained in the reader's language, with the rule's own bound written
 * the reader's way, never in the core's English (which an English reader keeps, since it names the field).
 */
class InputRefusalsAreSaidInTheReadersLanguageTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void aTooLongTextNamesItsBoundInTheReadersLanguageAndDigitGrouping() {
        Violation body = new Violation("body", "proposal.body-invalid", "a body is at most 20000 characters (it may be empty)");

        assertThat(RefusalWords.say(body, Words.in(Locale.GERMAN))).isEqualTo("Der Text hat höchstens 20.000 Zeichen.");
        assertThat(RefusalWords.say(body, Words.in(SPANISH))).isEqualTo("El texto tiene como mucho 20.000 caracteres.");
        assertThat(RefusalWords.say(body, Words.in(Locale.ENGLISH))).isEqualTo(body.message());
        assertThat(ProposalInputRules.MAX_BODY).as("the bound the sentences name").isEqualTo(20_000);
    }

    @Test
    void everyBrokenRuleOfAFormIsSaidInTheReadersLanguage() {
        InvalidInput refused = new InvalidInput(List.of(
                new Violation("title", "proposal.title-invalid", "a title is 1 to 200 characters"),
                new Violation("body", Texts.CONTROL_CHARACTER, "body contains a control or invalid character (U+0000 at 3)"),
                new Violation("options[0].id", "proposal.option-id-duplicate", "option ids are unique; 'a' repeats")));

        assertThat(RefusalWords.sayAll(refused, Words.in(Locale.GERMAN))).containsExactly(
                "Ein Titel hat 1 bis 200 Zeichen in einer Zeile.",
                "Der Text enthält ein Steuerzeichen oder ein ungültiges Zeichen; nur ein längerer Text darf Zeilenumbrüche und Tabulatoren haben.",
                "Jede Option hat ihre eigene ID; eine kommt doppelt vor.");
        assertThat(RefusalWords.sayAll(refused, Words.in(SPANISH))).first().isEqualTo("Un título tiene de 1 a 200 caracteres en una sola línea.");
    }

    @Test
    void aSentenceWithoutBoundsKeepsItsApostrophes() {
        Violation username = new Violation("username", "account.username-invalid", "usernames are lowercase");

        assertThat(RefusalWords.say(username, Words.in(SPANISH)))
                .isEqualTo("Un nombre de usuario tiene de 3 a 32 caracteres: minúsculas, cifras, '.', '_' o '-', y empieza por una letra o una cifra.");
    }
}
