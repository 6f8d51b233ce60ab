package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.tally.Choice;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalSnapshotTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00.123Z");
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(SerializationConfiguration.eventObjectMapper()).build();

    private static Proposal aProposalWithBallots() {
        ProposalId id = new ProposalId("p-1");
        Proposal proposal = new Proposal();
        proposal.on(new ProposalSubmitted(id, new CooperativeId("c-1"), new MemberId("m-0"), new AccountId("a-0"), "Solar",
                "Panels", "energy", ProposalKind.GENERAL, null, null, T.plusSeconds(3600), T));
        proposal.on(new ProposalRevised(id, 2, "Solar roof", "Panels", T.plusSeconds(1)));
        proposal.on(new coop.plenum.governance.proposal.CommentAdded(id, "c-1", new MemberId("m-1"), "Why?", T.plusSeconds(1)));
        proposal.on(new coop.plenum.governance.proposal.CommentAdded(id, "c-2", new MemberId("m-0"), "Because.", T.plusSeconds(1), "c-1"));
        proposal.on(new VotingOpened(id, new CooperativeId("c-1"), "energy", T.plusSeconds(2),
                List.of(new StakeholderClass("workers", "Workers", 60, 10), new StakeholderClass("users", "Users", 40, 10)),
                new DecisionRule(Threshold.TWO_THIRDS, ClassRule.WEIGHTED), new DelegationRule(true, 7),
                List.of(new ElectorateMember(new MemberId("m-0"), new AccountId("a-0"), "workers", new BigDecimal("1.000000")),
                        new ElectorateMember(new MemberId("m-1"), new AccountId("a-1"), "users", new BigDecimal("2.500000")),
                        new ElectorateMember(new MemberId("m-2"), new AccountId("a-2"), "users", new BigDecimal("0.333333")))));
        proposal.on(new BallotCast(id, new MemberId("m-1"), Choice.NO, T.plusSeconds(3)));
        proposal.on(new BallotCast(id, new MemberId("m-0"), Choice.YES, T.plusSeconds(4)));
        proposal.on(new BallotCast(id, new MemberId("m-2"), Choice.ABSTAIN, T.plusSeconds(5)));
        proposal.on(new BallotRetracted(id, new MemberId("m-2"), T.plusSeconds(6)));
        proposal.on(new BallotCast(id, new MemberId("m-1"), Choice.YES, T.plusSeconds(7)));
        return proposal;
    }

    @Test
    void aProposalRestoredFromItsSnapshotAfterTheSerializerRoundTripHasTheSameState() {
        ProposalSnapshot snapshot = aProposalWithBallots().snapshot();
        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo(ProposalSnapshot.REVISION);

        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class, stored.getType()));
        Proposal restored = new Proposal();
        restored.on((ProposalSnapshot) read);

        assertThat(read).isEqualTo(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(snapshot.ballots()).containsExactly(new ProposalSnapshot.Ballot(new MemberId("m-1"), Choice.YES),
                new ProposalSnapshot.Ballot(new MemberId("m-0"), Choice.YES));
        assertThat(snapshot.electorate()).hasSize(3);
        assertThat(snapshot.revision()).isEqualTo(2);
        // a reply after loading from the snapshot must still find the comment it answers
        assertThat(snapshot.commentIds()).containsExactly("c-1", "c-2");
    }

    @Test
    void aProposalStillInDeliberationSurvivesTheRoundTripToo() {
        Proposal proposal = new Proposal();
        proposal.on(new ProposalSubmitted(new ProposalId("p-2"), new CooperativeId("c-1"), new MemberId("m-0"), new AccountId("a-0"),
                "Draft", "", "general", ProposalKind.GENERAL, null, null, null, T));
        ProposalSnapshot snapshot = proposal.snapshot();
        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(snapshot);
    }
}
