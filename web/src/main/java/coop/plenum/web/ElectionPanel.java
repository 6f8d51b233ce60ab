package coop.plenum.web;

import coop.plenum.api.proposal.ElectionTallyJson;
import coop.plenum.api.proposal.TallyJson;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.ElectionCandidate;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.query.ProposalView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the proposal page shows of a board election (ELECTION): per class its seats; during deliberation the
 * nominations with "stand as a candidate", accept and withdraw; while voting the candidates of the member's own class
 * to number; once the count exists the elected per class and the Meek count as a table of rounds (one row per
 * candidate, one column per round: votes, with the quota, the exhausted weight, the votes transferred, each
 * candidate's keep value and what each round decided).
 * Words are not made here: the panel carries names and codes, and fragments/election.html picks the reader's language
 * from the message bundles (issue 14). {@code myBallot} is the names in the order the member ranked them (empty: they
 * ranked nobody; null: no ballot).
 */
record ElectionPanel(List<ClassPanel> classes, boolean canStand, boolean myNominationPending, boolean iStand,
                     List<Person> nominable, List<Person> myBallotCandidates, String myClassName, boolean counted,
                     boolean decided, List<String> myBallot) {

    record Person(String memberId, String name) {
    }

    record Candidacy(String memberId, String name, String nominatedBy, boolean accepted) {
    }

    /**
     * One row of the rounds table: a candidate's votes per round, and where they ended as a code the template words
     * ({@code election.status.*}): ELECTED, EXCLUDED or NOT_ELECTED.
     */
    record CountRow(String name, List<String> votes, String status) {
    }

    /**
     * A column head of the rounds table: the round's number, quota, exhausted weight, and its decision: the Meek action
     * (ELECTED, EXCLUDED, ELECTED_REMAINING; worded by {@code election.decision.*}) and the names it concerns.
     */
    record RoundHead(int number, String quota, String exhausted, String action, String who) {
    }

    record ClassPanel(String classId, String className, int seats, List<Candidacy> candidacies, List<Person> candidates,
                      List<String> elected, List<RoundHead> rounds, List<CountRow> rows, RoundTransfers transfers,
                      String participation, boolean quorumMet) {

        /**
         * The count as a chart (votes per candidate per round, the quota marked), worded by the template from the
         * reader's bundle; the rounds table beside it holds every figure it draws.
         */
        public String chart(String title, String roundWord, String quotaWord, Figures fig) {
            return Charts.electionRounds("election-chart-" + classId, rows.stream().map(CountRow::name).toList(),
                    rows.stream().map(CountRow::votes).toList(), rounds.stream().map(RoundHead::quota).toList(),
                    title, roundWord, quotaWord, fig);
        }
    }

    /**
     * The classes with seats in the order the charter lists them ({@code classNames} keeps it), then any class the
     * charter no longer names, by id.
     */
    static Map<String, Integer> seatsInCharterOrder(Map<String, Integer> seats, Map<String, String> classNames) {
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        classNames.keySet().stream().filter(seats::containsKey).forEach(c -> ordered.put(c, seats.get(c)));
        new java.util.TreeMap<>(seats).forEach(ordered::putIfAbsent);
        return ordered;
    }

    static ElectionPanel of(ProposalView p, TallyJson tally, MemberId me, List<MemberView> members,
                            Map<MemberId, String> names, Map<String, String> classNames) {
        if (p.summary().method() != VoteMethod.ELECTION) {
            return null;
        }
        MemberView mine = me == null ? null : members.stream().filter(m -> m.memberId().equals(me)).findFirst().orElse(null);
        String myClass = mine == null ? null : mine.classId();
        boolean deliberating = p.summary().state() == ProposalState.DELIBERATION;
        java.util.Set<String> nominated = new java.util.HashSet<>();
        p.candidacies().forEach(c -> nominated.add(c.memberId().value()));
        ElectionTallyJson count = tally == null || tally.hiddenUntilClose() ? null : tally.election();
        List<ClassPanel> classes = new ArrayList<>();
        seatsInCharterOrder(p.seats(), classNames).forEach((classId, seats) -> {
            List<Candidacy> candidacies = p.candidacies().stream().filter(c -> c.classId().equals(classId))
                    .map(c -> new Candidacy(c.memberId().value(), name(names, c.memberId()), name(names, c.nominatedBy()), c.accepted()))
                    .toList();
            List<Person> candidates = p.candidates().stream().filter(c -> c.classId().equals(classId))
                    .map(c -> new Person(c.memberId().value(), name(names, c.memberId()))).toList();
            ElectionTallyJson.ClassCountJson counted = count == null ? null
                    : count.classes().stream().filter(c -> c.classId().equals(classId)).findFirst().orElse(null);
            classes.add(classPanel(classId, classNames.getOrDefault(classId, classId), seats, candidacies, candidates,
                    counted, tally, names));
        });
        boolean activeMember = mine != null && mine.status() == MemberStatus.ACTIVE;
        boolean canStand = deliberating && activeMember && p.seats().containsKey(myClass) && !nominated.contains(me.value());
        boolean pending = deliberating && me != null && p.candidacies().stream()
                .anyMatch(c -> c.memberId().equals(me) && !c.accepted());
        boolean iStand = deliberating && me != null && p.candidacies().stream()
                .anyMatch(c -> c.memberId().equals(me) && c.accepted());
        List<Person> nominable = !deliberating || !activeMember ? List.of() : members.stream()
                .filter(m -> m.status() == MemberStatus.ACTIVE && p.seats().containsKey(m.classId())
                        && !nominated.contains(m.memberId().value()) && !m.memberId().equals(me))
                .map(m -> new Person(m.memberId().value(), name(names, m.memberId())))
                .sorted(java.util.Comparator.comparing(Person::name)).toList();
        // the ballot ranks the candidates of the member's class (a member moved since opening is refused by the aggregate)
        List<Person> mineToRank = new ArrayList<>();
        if (me != null && p.summary().state() == ProposalState.VOTING) {
            for (ElectionCandidate c : p.candidates()) {
                if (c.classId().equals(myClass)) {
                    mineToRank.add(new Person(c.memberId().value(), name(names, c.memberId())));
                }
            }
        }
        return new ElectionPanel(classes, canStand, pending, iStand, nominable, mineToRank,
                myClass == null ? null : classNames.getOrDefault(myClass, myClass), count != null,
                tally != null && tally.outcome() != null, myBallot(p, me, names));
    }

    /** The names the member ranked, in their order (empty: they ranked nobody), or null when they have no ballot. */
    private static List<String> myBallot(ProposalView p, MemberId me, Map<MemberId, String> names) {
        var ranked = me == null ? null : p.rankedBallots().get(me);
        if (ranked == null) {
            return null;
        }
        return ranked.ranking().stream().flatMap(List::stream).map(id -> name(names, new MemberId(id))).toList();
    }

    private static ClassPanel classPanel(String classId, String className, int seats, List<Candidacy> candidacies,
                                         List<Person> candidates, ElectionTallyJson.ClassCountJson counted, TallyJson tally,
                                         Map<MemberId, String> names) {
        if (counted == null) {
            return new ClassPanel(classId, className, seats, candidacies, candidates, List.of(), List.of(), List.of(),
                    new RoundTransfers(List.of(), List.of()), null, true);
        }
        List<RoundHead> heads = new ArrayList<>();
        for (ElectionTallyJson.RoundJson r : counted.rounds()) {
            String who = String.join(", ", r.candidates().stream().map(id -> name(names, new MemberId(id))).toList());
            heads.add(new RoundHead(r.number(), r.quota(), r.exhausted(), r.action(), who));
        }
        List<CountRow> rows = new ArrayList<>();
        for (String id : counted.candidates()) {
            List<String> votes = counted.rounds().stream().map(r -> r.votes().getOrDefault(id, "")).toList();
            String status = counted.elected().contains(id) ? "ELECTED" : counted.excluded().contains(id) ? "EXCLUDED" : "NOT_ELECTED";
            rows.add(new CountRow(name(names, new MemberId(id)), votes, status));
        }
        String participation = tally.classes().stream().filter(c -> c.classId().equals(classId)).map(TallyJson.ClassJson::participation)
                .findFirst().orElse(null);
        return new ClassPanel(classId, className, seats, candidacies, candidates,
                counted.elected().stream().map(id -> name(names, new MemberId(id))).toList(), heads, rows,
                RoundTransfers.of(counted, id -> name(names, new MemberId(id))), participation, counted.quorumMet());
    }

    private static String name(Map<MemberId, String> names, MemberId id) {
        return id == null ? "" : names.getOrDefault(id, id.value());
    }
}
