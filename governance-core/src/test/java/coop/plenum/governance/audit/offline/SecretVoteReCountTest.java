package coop.plenum.governance.audit.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SecretBallotsRevealed;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.command.VotesOfEveryMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", {@code secrecy: SECRET}: "the closed tally is re-countable by auditors from the revealed
 * anonymous ballots". The events a secret vote of each method left (held through the Proposal aggregate, then read
 * back from their stored JSON as {@code audit verify} reads an export) re-count to the recorded outcome, winners
 * included; and the count really comes from the revealed ballots: without them it differs.
 */
class SecretVoteReCountTest {

    private static final ObjectMapper EVENTS = SerializationConfiguration.eventObjectMapper();

    /** Each event as the export stores it and the offline audit reads it back. */
    private static Object asReadFromTheExport(Object event) {
        try {
            return EVENTS.readValue(EVENTS.writeValueAsBytes(event), event.getClass());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecisionReplay.Result reCount(List<Object> events) {
        DecisionReplay replay = new DecisionReplay();
        Optional<DecisionReplay.Result> result = Optional.empty();
        for (Object event : events) {
            Object read = asReadFromTheExport(event);
            if (read instanceof VotingClosed closed) {
                result = replay.closed(closed);
            } else {
                replay.on(read);
            }
        }
        return result.orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = {"CONSENT", "APPROVAL", "SCORE", "RANKED", "BUDGET"})
    void theAuditorReCountsAClosedSecretVoteFromItsRevealedBallotsToTheRecordedOutcome(VoteMethod method) {
        VotesOfEveryMethod.Held secret = VotesOfEveryMethod.hold(method, Secrecy.SECRET);
        VotingClosed recorded = secret.closing().stream().filter(VotingClosed.class::isInstance).map(VotingClosed.class::cast)
                .findFirst().orElseThrow();

        DecisionReplay.Result result = reCount(secret.all());
        assertThat(result.matches()).as(result.toString()).isTrue();
        assertThat(result.outcome()).isEqualTo(recorded.outcome().name());
        assertThat(result.winners()).isEqualTo(recorded.winners() == null ? List.of() : recorded.winners());
        assertThat(result.approval()).isEqualTo(recorded.approval());
    }

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = {"CONSENT", "APPROVAL", "SCORE", "RANKED", "BUDGET"})
    void withoutItsRevealedBallotsASecretVoteDoesNotReCountToItsRecordedOutcome(VoteMethod method) {
        List<Object> withoutReveal = new ArrayList<>(VotesOfEveryMethod.hold(method, Secrecy.SECRET).all());
        withoutReveal.removeIf(SecretBallotsRevealed.class::isInstance);
        assertThat(reCount(withoutReveal).matches()).isFalse();
    }
}
