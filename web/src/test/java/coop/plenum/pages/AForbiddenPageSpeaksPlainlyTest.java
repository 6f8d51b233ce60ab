package coop.plenum.pages;

import coop.plenum.support.PageSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: someone signed in who is not part of a cooperative gets the normal page frame and a sentence a person
 * would write, not the roles' Java names ({@code [MEMBER, SECRETARY, AUDITOR]}).
 */
class AForbiddenPageSpeaksPlainlyTest extends PageScenario {

    @Test
    void anOutsiderOnACooperativesPageIsToldInWordsWhoMaySeeIt() {
        aliceFoundsACooperative();
        String outsider = unique("outsider");
        createAccount(outsider, "Outsider");

        PageSession.Answer answer = signedIn(outsider).get("/cooperatives/{c}", coop);

        assertThat(answer.code()).isEqualTo(403);
        isAPlenumPage(answer);
        assertThat(answer.body()).contains("id=\"problem\"", "Not yours to see",
                        "Only the cooperative&#39;s members, secretaries or auditors may see this.")
                .doesNotContain("[MEMBER", "SECRETARY,");
    }

    @Test
    void theChartersRatesAndEvaluationsReadAsEnglish() {
        aliceFoundsACooperative();

        String page = signedIn(alice).get("/cooperatives/{c}", coop).body();

        // the test charter: WORK_HOURS 1, MONEY 0.1, two evaluations
        assertThat(page).contains("1 point per unit", "0.1 points per unit", "2 peer evaluations decide a contribution")
                .doesNotContain(">1 points", "evaluation(s)");
    }
}
