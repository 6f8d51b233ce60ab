package coop.plenum.web;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.query.ProposalView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who has cast a ballot on a proposal, and how where the method has a one-word answer (YES_NO, CONSENT): ballots are
 * visible to members so delegates stay accountable (SPEC "Ballots"). While an AFTER_CLOSE vote is open nobody is
 * listed: the page already received only the reader's own ballot ({@link ProposalView#seenBy}), and a list of one
 * would read as "only you voted".
 */
record Voters(boolean hidden, List<Voter> voters) {

    record Voter(String name, String choice) {
    }

    /** Who voted, each choice in the reader's words ({@code voters.choice.<CODE>}). */
    static Voters of(ProposalView proposal, Map<MemberId, String> names, Words words) {
        if (proposal.summary().resultsHidden()) {
            return new Voters(true, List.of());
        }
        List<Voter> voters = new ArrayList<>();
        orEmpty(proposal.ballots()).forEach((m, c) -> voters.add(new Voter(name(m, names, words), said(c.name(), words))));
        orEmpty(proposal.consentBallots()).forEach((m, c) -> voters.add(new Voter(name(m, names, words), said(c.name(), words))));
        Set<MemberId> others = new TreeSet<>(Comparator.comparing(MemberId::value));
        others.addAll(orEmpty(proposal.optionBallots()).keySet());
        others.addAll(orEmpty(proposal.rankedBallots()).keySet());
        others.forEach(m -> voters.add(new Voter(name(m, names, words), null)));
        voters.sort(Comparator.comparing(Voter::name, String.CASE_INSENSITIVE_ORDER));
        return new Voters(false, voters);
    }

    private static <V> Map<MemberId, V> orEmpty(Map<MemberId, V> ballots) {
        return ballots == null ? Map.of() : ballots;
    }

    private static String name(MemberId member, Map<MemberId, String> names, Words words) {
        return names.getOrDefault(member, words.say("methodResults.aMember"));
    }

    /** STAND_ASIDE → "stand aside" (or the reader's language's words). */
    private static String said(String choice, Words words) {
        return words.sayOr(choice.toLowerCase(java.util.Locale.ROOT).replace('_', ' '), "voters.choice." + choice);
    }
}
