package coop.plenum.governance.notification.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.notification.FindVoteStanding;
import coop.plenum.governance.notification.VoteStanding;
import coop.plenum.governance.voting.Delegations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "secrecy: SECRET": delegation is off. Reminders, the closing-soon notice and a member's standing therefore
 * count a member of a secret vote by their own sealed ballot only, never through a delegate who voted (in an open
 * vote the same delegation carries them). Against the embedded MongoDB-wire server.
 */
class NoDelegationInASecretVoteTest extends coop.plenum.governance.storage.EmbeddedReadModelStore {

    private static final String COOP = "c1";


    private Votes votes;

    @BeforeEach
    void start() {
        votes = new Votes(mongo);
        // carol delegates to bob, who voted; dave neither voted nor delegates
        mongo.save(new DelegateDocument(PersonDocument.key(COOP, "carol"), COOP, "carol",
                List.of(new DelegateDocument.Scoped(Delegations.GLOBAL, "bob")))).block();
    }


    private VoteDocument vote(String id, boolean secret) {
        VoteDocument vote = new VoteDocument(id, COOP, "Admit Cara", "energy", "author", null, false, null,
                List.of(new VoteDocument.ClassQuorum("users", 0)), VoteDocument.VOTING, secret);
        mongo.save(vote).block();
        int order = 0;
        for (String member : List.of("bob", "carol", "dave")) {
            mongo.save(ElectorDocument.of(id, order++, new VoteDocument.Elector(member, "acc-" + member, "users", BigDecimal.ONE))
                    .withVoted(member.equals("bob"))).block();
        }
        return mongo.findById(id, VoteDocument.class).block();
    }

    private List<String> notCounted(VoteDocument vote) {
        return votes.participation(vote).notCounted().stream().map(e -> e.memberId().value()).toList();
    }

    @Test
    void aDelegatorWhoseDelegateVotedIsRemindedInASecretVoteButNotInAnOpenOne() {
        VoteDocument secret = vote("secret", true);
        VoteDocument open = vote("open", false);

        assertThat(secret.isSecret()).as("the flag survives the store").isTrue();
        assertThat(notCounted(secret)).containsExactly("carol", "dave");
        assertThat(notCounted(open)).containsExactly("dave");
        assertThat(votes.handle(new FindVoteStanding(new ProposalId("secret"), new MemberId("carol"))))
                .isEqualTo(new VoteStanding(true, false, null));
        assertThat(votes.handle(new FindVoteStanding(new ProposalId("open"), new MemberId("carol"))))
                .isEqualTo(new VoteStanding(true, false, new MemberId("bob")));
    }

    @Test
    void aVoteStoredBeforeSecrecyWasKeptReadsAsOpen() {
        mongo.save(new VoteDocument("old", COOP, "Kiln", "energy", "author", null, false, null, List.of(), VoteDocument.VOTING)).block();
        assertThat(mongo.findById("old", VoteDocument.class).block().isSecret()).isFalse();
    }
}
