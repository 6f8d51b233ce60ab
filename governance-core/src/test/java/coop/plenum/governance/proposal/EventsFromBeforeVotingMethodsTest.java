package coop.plenum.governance.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.tally.Choice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are forever: payloads stored before voting methods existed read back with their old meaning, YES_NO. */
class EventsFromBeforeVotingMethodsTest {

    private final ObjectMapper log = SerializationConfiguration.eventObjectMapper();

    @Test
    void aProposalSubmittedWithoutAMethodIsAYesNoProposal() throws Exception {
        ProposalSubmitted e = log.readValue("""
                {"proposalId":"p-1","cooperativeId":"c-1","authorMemberId":"m-1",
                 "authorAccountId":"a-1","title":"Solar","body":"","topic":"energy","kind":"GENERAL",
                 "effect":null,"votingOpensAt":null,"votingClosesAt":null,"submittedAt":"2026-01-01T00:00:00Z"}""",
                ProposalSubmitted.class);
        assertThat(e.method()).isNull();
        assertThat(e.votingMethod()).isEqualTo(VoteMethod.YES_NO);
        assertThat(e.optionsOrNone()).isEmpty();
    }

    @Test
    void aVotingOpenedWithoutAMethodPinnedYesNo() throws Exception {
        VotingOpened e = log.readValue("""
                {"proposalId":"p-1","cooperativeId":"c-1","topic":"energy",
                 "openedAt":"2026-01-01T00:00:00Z","classes":[],"decision":{"threshold":"SIMPLE_MAJORITY","classRule":"WEIGHTED"},
                 "delegation":null,"electorate":[]}""", VotingOpened.class);
        assertThat(e.votingMethod()).isEqualTo(VoteMethod.YES_NO);
    }

    @Test
    void eventsWithoutAVisibilityArePublic() throws Exception {
        ProposalSubmitted submitted = log.readValue("""
                {"proposalId":"p-1","cooperativeId":"c-1","authorMemberId":"m-1",
                 "authorAccountId":"a-1","title":"Solar","body":"","topic":"energy","kind":"GENERAL",
                 "effect":null,"votingOpensAt":null,"votingClosesAt":null,"submittedAt":"2026-01-01T00:00:00Z"}""",
                ProposalSubmitted.class);
        VotingOpened opened = log.readValue("""
                {"proposalId":"p-1","cooperativeId":"c-1","topic":"energy",
                 "openedAt":"2026-01-01T00:00:00Z","classes":[],"decision":{"threshold":"SIMPLE_MAJORITY","classRule":"WEIGHTED"},
                 "delegation":null,"electorate":[],"method":"APPROVAL","options":[]}""", VotingOpened.class);
        assertThat(submitted.resultsVisibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(opened.resultsVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void anAfterCloseVisibilitySurvivesTheLogUnchanged() throws Exception {
        VotingOpened opened = log.readValue("""
                {"proposalId":"p-1","cooperativeId":"c-1","topic":"energy",
                 "openedAt":"2026-01-01T00:00:00Z","classes":[],"decision":{"threshold":"SIMPLE_MAJORITY","classRule":"WEIGHTED"},
                 "delegation":null,"electorate":[],"visibility":"AFTER_CLOSE"}""", VotingOpened.class);
        assertThat(opened.resultsVisibility()).isEqualTo(Visibility.AFTER_CLOSE);
        assertThat(log.readValue(log.writeValueAsString(opened), VotingOpened.class)).isEqualTo(opened);
    }

    @Test
    void aBallotCastWithOnlyAChoiceIsAYesNoBallotWithoutAReason() throws Exception {
        BallotCast e = log.readValue("""
                {"proposalId":"p-1","memberId":"m-1","choice":"YES","castAt":"2026-01-01T00:00:00Z"}""",
                BallotCast.class);
        assertThat(e.choice()).isEqualTo(Choice.YES);
        assertThat(e.optionBallot()).isNull();
        assertThat(e.reason()).isNull();
    }

    @Test
    void aVotingClosedWithoutWinnersNamesNone() throws Exception {
        VotingClosed e = log.readValue("""
                {"proposalId":"p-1","closedAt":"2026-01-01T00:00:00Z","outcome":"ACCEPTED","approval":"3/5"}""",
                VotingClosed.class);
        assertThat(e.winners()).isNull();
    }

    @Test
    void anOptionBallotSurvivesTheLogUnchanged() throws Exception {
        BallotCast cast = new BallotCast(new coop.plenum.governance.ids.ProposalId("p-1"), new coop.plenum.governance.ids.MemberId("m-1"),
                null, java.time.Instant.parse("2026-01-01T00:00:00Z"), List.of("a", "c"), null, "cheapest");
        BallotCast back = log.readValue(log.writeValueAsString(cast), BallotCast.class);
        assertThat(back).isEqualTo(cast);
        assertThat(back.optionBallot()).isEqualTo(new OptionBallot(Map.of("a", 1, "c", 1)));
    }
}
