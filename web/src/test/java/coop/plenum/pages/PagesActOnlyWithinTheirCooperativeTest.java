package coop.plenum.pages;

import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a page action names a cooperative and a thing in it; a thing of another cooperative is not found there
 * (the pages accepted a comment and a ballot on cooperative A's proposal through cooperative B's path). Alice is a
 * member and the secretary of both, so only the guard can refuse.
 */
class PagesActOnlyWithinTheirCooperativeTest extends PageScenario {

    private PageSession page;
    private String other;

    @BeforeEach
    void aliceHasTwoCooperatives() {
        aliceFoundsACooperative();
        other = foundCooperative(riverside(aliceId));
        page = signedIn(alice);
    }

    private void notFoundAndNothingStored(String path, Map<String, String> form, Object... vars) {
        long before = eventsInTheLog();
        PageSession.Answer answer = page.post(path, form, vars);
        assertThat(answer.code()).as("%s → %s", path, answer).isEqualTo(404);
        isAPlenumPage(answer);
        assertThat(eventsInTheLog()).as("nothing stored by %s", path).isEqualTo(before);
    }

    @Test
    void aCommentOnAnotherCooperativesProposalIsNotFound() {
        String p = proposal(coop, "Solar roof");
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/comments", Map.of("text", "sneaky"), other, p);
        assertThat(page.get("/cooperatives/{c}/proposals/{p}", coop, p).body()).doesNotContain("sneaky");
    }

    @Test
    void aBallotOnAnotherCooperativesProposalIsNotFound() {
        String p = openProposal(coop, "Solar roof");
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/ballot", Map.of("memberId", aliceMember, "choice", "YES"), other, p);
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/ballot", Map.of("memberId", aliceMember, "choice", "RETRACT"), other, p);
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/ballot", Map.of("choice", "NO"), other, p);
    }

    @Test
    void openingClosingAndWithdrawingAnotherCooperativesProposalIsNotFound() {
        String p = proposal(coop, "Solar roof");
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/open", Map.of(), other, p);
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/withdraw", Map.of(), other, p);
        String voting = openProposal(coop, "Wind");
        notFoundAndNothingStored("/cooperatives/{c}/proposals/{p}/close", Map.of(), other, voting);
        assertThat(page.get("/cooperatives/{c}/proposals/{p}", other, p).code()).isEqualTo(404);
    }

    @Test
    void actingOnAnotherCooperativesMemberIsNotFound() {
        String bob = unique("bob");
        createAccount(bob, "Bob");
        String bobMember = steps.apply(coop, bob, "users");
        notFoundAndNothingStored("/cooperatives/{c}/members/{m}/admit", Map.of(), other, bobMember);
        notFoundAndNothingStored("/cooperatives/{c}/members/{m}/reject", Map.of(), other, bobMember);
        notFoundAndNothingStored("/cooperatives/{c}/members/{m}/suspend", Map.of(), other, aliceMember);
        assertThat(page.get("/cooperatives/{c}/members/{m}", other, bobMember).code()).isEqualTo(404);
    }

    @Test
    void delegatingToAnotherCooperativesMemberIsNotFound() {
        String bob = unique("bob");
        createAccount(bob, "Bob");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        notFoundAndNothingStored("/cooperatives/{c}/delegations/global", Map.of("delegateId", bobMember), other);
    }

    @Test
    void evaluatingAnotherCooperativesContributionIsNotFound() {
        String bob = unique("bob");
        createAccount(bob, "Bob");
        String bobMember = steps.apply(coop, bob, "workers");
        steps.command(alice, coop, bobMember, "admission");
        String contribution = contribution(coop, bob);
        notFoundAndNothingStored("/cooperatives/{c}/ledger/contributions/{x}/evaluations", Map.of("verdict", "ACCEPT"),
                other, contribution);
    }
}
