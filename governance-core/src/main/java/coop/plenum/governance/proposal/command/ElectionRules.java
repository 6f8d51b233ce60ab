package coop.plenum.governance.proposal.command;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.election.ElectionResult;
import coop.plenum.governance.election.ElectionTally;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.RankedBallot;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.ElectionCandidate;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.voting.Voter;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.StateConflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SPEC "Voting methods", ELECTION: the rules of candidacies, ballots and the count, each a named method. */
final class ElectionRules {

    private ElectionRules() {
    }

    static void onlyElectionsHaveCandidates(VoteMethod method) {
        if (method != VoteMethod.ELECTION) {
            throw new StateConflict("candidacy.not-an-election", "only an ELECTION has candidates; this proposal is " + method);
        }
    }

    /** A candidate is an ACTIVE member now; they stand for the class they are in now. */
    static Elector candidatesAreActiveMembers(CooperativeFacts coop, MemberId candidate, Instant now) {
        if (candidate == null) {
            throw new InvalidInput("candidateMemberId", "candidacy.candidate-missing", "candidateMemberId names a member");
        }
        return coop.electorateAsOf(now).stream().filter(e -> e.memberId().equals(candidate)).findFirst()
                .orElseThrow(() -> new StateConflict("candidacy.not-active", "only an ACTIVE member of this cooperative stands as a candidate"));
    }

    static void notAlreadyNominated(Map<MemberId, Candidacy> candidacies, MemberId candidate) {
        if (candidacies.containsKey(candidate)) {
            throw new StateConflict("candidacy.already-nominated", "this member is nominated already");
        }
    }

    static void candidatesStandForAClassWithSeats(Map<String, Integer> seats, String classId) {
        if (!seats.containsKey(classId)) {
            throw new StateConflict("candidacy.class-without-seats",
                    "a candidate stands for their own class, and class '" + classId + "' has no seats in this election");
        }
    }

    /** Only the nominee accepts or withdraws, and only a standing nomination. */
    static Candidacy onlyTheNomineeAnswers(Map<MemberId, Candidacy> candidacies, MemberId candidate, MemberId actor) {
        if (candidate == null || !candidate.equals(actor)) {
            throw new NotAllowed("candidacy.nominee-only", "only the nominated member answers their nomination");
        }
        Candidacy candidacy = candidacies.get(candidate);
        if (candidacy == null) {
            throw new StateConflict("candidacy.not-nominated", "this member is not nominated");
        }
        return candidacy;
    }

    /**
     * Pinned when voting opens: the accepted candidates who are in the frozen electorate, for their class then (a
     * member moved to a class without seats no longer stands), in the order they were nominated.
     */
    static List<ElectionCandidate> standing(Map<MemberId, Candidacy> candidacies, List<ElectorateMember> frozen,
                                            Map<String, Integer> seats) {
        Map<MemberId, String> classOf = new LinkedHashMap<>();
        frozen.forEach(m -> classOf.put(m.memberId(), m.classId()));
        List<ElectionCandidate> standing = new ArrayList<>();
        candidacies.forEach((member, candidacy) -> {
            String classId = classOf.get(member);
            if (candidacy.accepted() && classId != null && seats.containsKey(classId)) {
                standing.add(new ElectionCandidate(member, classId));
            }
        });
        return standing;
    }

    /** What a member may rank: the candidates of their own class (as options, so the ballot rules read them). */
    static List<ProposalOption> ownClassCandidates(List<ElectionCandidate> candidates, ElectorateMember voter) {
        return candidates.stream().filter(c -> c.classId().equals(voter.classId()))
                .map(c -> new ProposalOption(c.memberId().value(), c.memberId().value())).toList();
    }

    /** The count at closing: {@link ElectionTally} over the frozen electorate and each member's last ballot. */
    static ElectionResult count(List<StakeholderClass> classes, Map<String, Integer> seats, List<ElectionCandidate> candidates,
                                Collection<ElectorateMember> electorate, Map<MemberId, RankedBallot> ballots) {
        return ElectionTally.count(classes, seats, byClass(candidates),
                electorate.stream().map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList(),
                rankings(ballots));
    }

    static Map<String, List<String>> byClass(List<ElectionCandidate> candidates) {
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        candidates.forEach(c -> byClass.computeIfAbsent(c.classId(), k -> new ArrayList<>()).add(c.memberId().value()));
        return byClass;
    }

    static Map<MemberId, List<String>> rankings(Map<MemberId, RankedBallot> ballots) {
        Map<MemberId, List<String>> rankings = new LinkedHashMap<>();
        ballots.forEach((m, b) -> rankings.put(m, b.ranking().stream().flatMap(List::stream).toList()));
        return rankings;
    }
}
