package coop.plenum.governance.proposal.command;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.ProposalInputRules;
import coop.plenum.governance.proposal.secret.InMemorySecretBallotKeys;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.proposal.secret.SealedBallots;
import coop.plenum.governance.proposal.secret.SecretBallotBody;
import coop.plenum.governance.tally.Choice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/secret-ballots.md "Timing": the length of a sealed ballot would tell YES from ABSTAIN, or two approvals from
 * fifty. Within the documented bounds (50 options, option ids of 40 characters, a reason of 2,000 characters, scores
 * 0 to 5), the longest valid ballot of each method fits {@link SealedBallots#paddedLength} and seals to the very
 * length of the shortest: every ballot of a vote has one length.
 */
class SealedBallotLengthTest {

    private static final ProposalId P = new ProposalId("p-1");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final String TAG = ReceiptTags.tag(P, "alice-receipt-secret-0001");

    /** The most options a vote has, each with the longest id (40 characters, the last ones telling them apart). */
    private static List<ProposalOption> fiftyLongestOptions() {
        List<ProposalOption> options = new ArrayList<>();
        for (int i = 0; i < ProposalInputRules.MAX_OPTIONS; i++) {
            String id = "option-with-the-longest-id-allowed-" + String.format("%05d", i);
            options.add(new ProposalOption(id, "Option " + i, new java.math.BigDecimal("10")));
        }
        assertThat(options.get(0).id()).hasSize(40);
        return options;
    }

    private static CastBallot ballot(Choice choice, List<String> approve, Map<String, Integer> scores, String reason,
                                     ConsentChoice consent, List<List<String>> ranking) {
        return new CastBallot(P, ALICE_M, choice, approve, scores, reason, consent, ranking, TAG);
    }

    /** The shortest and the longest valid ballots of a method (and some in between), each as a command. */
    private static List<CastBallot> shortestToLongest(VoteMethod method, List<String> ids) {
        Map<String, Integer> fives = new LinkedHashMap<>();
        ids.forEach(id -> fives.put(id, method.maxScore()));
        return switch (method) {
            case YES_NO -> List.of(ballot(Choice.NO, null, null, null, null, null),
                    ballot(Choice.YES, null, null, null, null, null), ballot(Choice.ABSTAIN, null, null, null, null, null));
            case CONSENT -> List.of(ballot(null, null, null, null, ConsentChoice.CONSENT, null),
                    ballot(null, null, null, null, ConsentChoice.STAND_ASIDE, null),
                    ballot(null, null, null, "x", ConsentChoice.OBJECT, null),
                    // the longest reason, of the characters JSON writes longest: 3 bytes in UTF-8, 2 escaped, 4 a pair
                    ballot(null, null, null, "€".repeat(ProposalInputRules.MAX_REASON), ConsentChoice.OBJECT, null),
                    ballot(null, null, null, "x" + "\"\\\n\t".repeat(ProposalInputRules.MAX_REASON / 4 - 1) + "\"\\y", ConsentChoice.OBJECT, null),
                    ballot(null, null, null, "😀".repeat(ProposalInputRules.MAX_REASON / 2), ConsentChoice.OBJECT, null));
            case APPROVAL, BUDGET -> List.of(ballot(null, List.of(), null, null, null, null),
                    ballot(null, List.of(ids.get(0)), null, null, null, null), ballot(null, ids, null, null, null, null));
            case SCORE -> List.of(ballot(null, null, Map.of(), null, null, null),
                    ballot(null, null, Map.of(ids.get(0), 0), null, null, null), ballot(null, null, fives, null, null, null));
            case RANKED -> List.of(ballot(null, null, null, null, null, List.of(List.of(ids.get(0)))),
                    ballot(null, null, null, null, null, List.of(ids)),
                    ballot(null, null, null, null, null, ids.stream().map(List::of).toList()));
            case ELECTION -> throw new IllegalArgumentException("an election is never secret");
        };
    }

    @ParameterizedTest
    @EnumSource(value = VoteMethod.class, names = "ELECTION", mode = EnumSource.Mode.EXCLUDE)
    void theLongestValidBallotOfEachMethodFitsThePaddingAndEveryBallotOfTheVoteSealsToOneLength(VoteMethod method) {
        List<ProposalOption> options = method.hasOptions() ? fiftyLongestOptions() : List.of();
        InMemorySecretBallotKeys keys = new InMemorySecretBallotKeys();
        byte[] key = keys.create(P);
        List<Integer> lengths = new ArrayList<>();
        for (CastBallot ballot : shortestToLongest(method, options.stream().map(ProposalOption::id).toList())) {
            assertThat(ProposalInputRules.ballot(method, options, ballot)).as("a valid " + method + " ballot").isEmpty();
            String sealed = SecretBallotRules.sealed(P, ALICE_M, method, options, ballot, NOW, keys).sealed();
            lengths.add(sealed.length());
            SecretBallotBody opened = SealedBallots.open(key, P, ALICE_M, sealed);
            assertThat(opened.tag()).isEqualTo(TAG);
            assertThat(opened.reason()).isEqualTo(ballot.reason());
            assertThat(opened.approve()).isEqualTo(ballot.approve());
            assertThat(opened.scores()).isEqualTo(ballot.scores());
            assertThat(opened.ranking()).isEqualTo(ballot.ranking());
        }
        assertThat(lengths).as("one sealed length for every ballot of a " + method + " vote").containsOnly(lengths.get(0));
    }
}
