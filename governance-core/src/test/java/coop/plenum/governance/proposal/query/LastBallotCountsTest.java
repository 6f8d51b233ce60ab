package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Choice;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** "The last ballot counts", as a member's receipts show it: one counting ballot per proposal at most, newest first. */
class LastBallotCountsTest {

    private static final ProposalId KILN = new ProposalId("kiln");
    private static final ProposalId ROOF = new ProposalId("roof");
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aRecastSupersedesTheEarlierBallotWhichNoLongerCounts() {
        List<MemberBallotView> shown = MemberBallotView.lastBallotCounts(List.of(
                ballot(KILN, 3, Choice.YES, 0), ballot(KILN, 5, Choice.NO, 60)));
        assertThat(shown).extracting(MemberBallotView::sequenceNumber, MemberBallotView::counts)
                .containsExactly(tuple(5L, true), tuple(3L, false));
    }

    @Test
    void afterARetractionNoBallotOfThatProposalCounts() {
        List<MemberBallotView> shown = MemberBallotView.lastBallotCounts(List.of(
                ballot(KILN, 3, Choice.YES, 0), ballot(KILN, 4, null, 30), ballot(ROOF, 7, Choice.ABSTAIN, 10)));
        assertThat(shown).filteredOn(MemberBallotView::counts).extracting(MemberBallotView::proposalId).containsExactly(ROOF);
        assertThat(shown).extracting(MemberBallotView::sequenceNumber).containsExactly(4L, 7L, 3L);
    }

    @Test
    void aBallotCastAgainAfterARetractionCounts() {
        List<MemberBallotView> shown = MemberBallotView.lastBallotCounts(List.of(
                ballot(KILN, 3, Choice.YES, 0), ballot(KILN, 4, null, 30), ballot(KILN, 6, Choice.YES, 40)));
        assertThat(shown).filteredOn(MemberBallotView::counts).extracting(MemberBallotView::sequenceNumber).containsExactly(6L);
    }

    private static MemberBallotView ballot(ProposalId proposal, long sequence, Choice choice, int seconds) {
        return new MemberBallotView(proposal, sequence, choice, T.plusSeconds(seconds), false);
    }
}
