package coop.plenum.governance.audit.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.RevealedBallot;
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

    /** The close's revealed pages with one ballot changed (or left out, when {@code change} gives null). */
    private static List<Object> withARevealedBallot(VoteMethod method, int index,
                                                    java.util.function.UnaryOperator<RevealedBallot> change) {
        List<Object> events = new ArrayList<>();
        for (Object event : VotesOfEveryMethod.hold(method, Secrecy.SECRET).all()) {
            if (event instanceof SecretBallotsRevealed page) {
                List<RevealedBallot> ballots = new ArrayList<>(page.ballots());
                RevealedBallot changed = change.apply(ballots.get(index));
                if (changed == null) {
                    ballots.remove(index);
                } else {
                    ballots.set(index, changed);
                }
                event = new SecretBallotsRevealed(page.proposalId(), page.page(), page.pages(), ballots);
            }
            events.add(event);
        }
        return events;
    }

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = {"YES_NO", "ELECTION"}, mode = EnumSource.Mode.EXCLUDE)
    void aSecretCloseThatLeftOutARevealedBallotIsReportedEvenWhenTheRestReCountsToItsOutcome(VoteMethod method) {
        for (int i = 0; i < 3; i++) {
            DecisionReplay.Result result = reCount(withARevealedBallot(method, i, b -> null));
            assertThat(result.matches()).as(result.toString()).isFalse();
            assertThat(result.outcome()).isEqualTo("2 ballot(s) revealed for 3 member(s) who took part");
        }
    }

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = {"YES_NO", "ELECTION"}, mode = EnumSource.Mode.EXCLUDE)
    void aRevealedBallotWhoseClassOrPowerIsNoParticipantsIsReported(VoteMethod method) {
        DecisionReplay.Result moved = reCount(withARevealedBallot(method, 0, b -> new RevealedBallot(b.tag(),
                b.classId().equals("users") ? "workers" : "users", b.power(), b.choice(), b.approve(), b.scores(), b.consent(),
                b.reason(), b.ranking())));
        assertThat(moved.matches()).isFalse();
        assertThat(moved.outcome()).startsWith("the revealed ballots' classes and powers");
        DecisionReplay.Result weighed = reCount(withARevealedBallot(method, 0, b -> new RevealedBallot(b.tag(), b.classId(),
                b.power().add(java.math.BigDecimal.ONE), b.choice(), b.approve(), b.scores(), b.consent(), b.reason(), b.ranking())));
        assertThat(weighed.matches()).isFalse();
    }
}
