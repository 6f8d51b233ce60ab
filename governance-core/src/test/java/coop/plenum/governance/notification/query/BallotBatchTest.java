package coop.plenum.governance.notification.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Delegations;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of ballots reads the notification read model as the batch leaves it, although its "voted" flags are
 * written only at the end of the batch and who delegates to whom is read once for the batch: against the embedded
 * MongoDB-wire server.
 */
class BallotBatchTest extends coop.plenum.governance.storage.EmbeddedReadModelStore {

    private static final String COOP = "c1";
    private static final VoteDocument VOTE = new VoteDocument("p1", COOP, "Kiln", "energy", "author", null, false, null,
            List.of(new VoteDocument.ClassQuorum("users", 0)), VoteDocument.VOTING);


    private Votes votes;

    @BeforeEach
    void start() {
        votes = new Votes(mongo);
        mongo.save(VOTE).block();
        int order = 0;
        for (String member : List.of("xena", "yuri", "zoe")) {
            mongo.save(ElectorDocument.of("p1", order++, new VoteDocument.Elector(member, "acc-" + member, "users", BigDecimal.ONE))).block();
        }
    }


    @Test
    void aLaterBallotOfTheBatchSeesTheVotedFlagAnEarlierOneQueuedAndCarriesNobodyWhoVotedThemselves() {
        // zoe → xena → yuri: yuri's ballot carries xena and zoe, unless xena voted herself
        delegate("xena", "yuri");
        delegate("zoe", "xena");
        List<List<String>> carried = new ArrayList<>();

        inBatch(List.of(ballot("xena"), ballot("yuri")), ballot -> {
            BallotBatch batch = BallotBatch.current();
            batch.queuedVoted(ElectorDocument.key("p1", ballot.memberId().value()), true); // not yet in MongoDB
            carried.add(votes.carriedBy(VOTE, ballot.memberId().value(), batch).stream().map(VoteDocument.Elector::memberId).toList());
        });

        assertThat(carried.get(0)).as("xena's ballot carries zoe").containsExactly("zoe");
        assertThat(carried.get(1)).as("yuri's ballot, in the same batch, does not carry xena, whose own ballot is queued")
                .isEmpty();
        assertThat(mongo.findById(ElectorDocument.key("p1", "xena"), ElectorDocument.class).block().voted())
                .as("the flag itself is written by the batch's bulk write, not here").isFalse();
    }

    @Test
    void whoDelegatesToTheCastersIsReadOnceForTheBatchAndADelegationHandledInTheBatchIsSeenByTheBallotsAfterIt() {
        delegate("zoe", "yuri");
        List<List<String>> carried = new ArrayList<>();

        inBatch(List.of(ballot("xena"), ballot("yuri"), ballot("yuri")), ballot -> {
            BallotBatch batch = BallotBatch.current();
            carried.add(votes.carriedBy(VOTE, ballot.memberId().value(), batch).stream().map(VoteDocument.Elector::memberId).toList());
            if (carried.size() == 1) {
                // a delegation changed behind the batch's back is not seen: yuri's delegators were read with xena's
                delegate("xena", "yuri");
            }
            if (carried.size() == 2) {
                // a delegation the projection handles in the batch tells the batch
                BallotBatch.delegationsChanged();
            }
        });

        assertThat(carried.get(1)).as("read for the whole batch at its first ballot").containsExactly("zoe");
        assertThat(carried.get(2)).as("read again after the batch handled a delegation").containsExactlyInAnyOrder("zoe", "xena");
    }

    private void delegate(String member, String delegate) {
        mongo.save(new DelegateDocument(PersonDocument.key(COOP, member), COOP, member,
                List.of(new DelegateDocument.Scoped(Delegations.GLOBAL, delegate)))).block();
        String key = PersonDocument.key(COOP, delegate);
        DelegatorsDocument existing = mongo.findById(key, DelegatorsDocument.class).block();
        List<DelegatorsDocument.Delegator> delegators = new ArrayList<>(existing == null ? List.of() : existing.delegators());
        delegators.add(new DelegatorsDocument.Delegator(member, Delegations.GLOBAL));
        mongo.save(new DelegatorsDocument(key, delegators)).block();
    }

    private static BallotCast ballot(String member) {
        return new BallotCast(new ProposalId("p1"), new MemberId(member), Choice.YES, Instant.EPOCH);
    }

    private static void inBatch(List<BallotCast> ballots, Consumer<BallotCast> handler) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1),
                    GenericEventMessage.asEventMessage(ballots.get(i))));
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(events);
        unit.executeWithResult(() -> {
            handler.accept((BallotCast) unit.getMessage().getPayload());
            return null;
        });
    }
}
