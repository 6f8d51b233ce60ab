package coop.plenum.api.delegation;

import coop.plenum.governance.proposal.query.ProvenanceView;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Provenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a member's power was counted on a proposal: {@code how} is DIRECT, DELEGATED (with {@code chain} to
 * {@code castBy}'s ballot) or why not: NO_DELEGATION, DELEGATE_NOT_IN_ELECTORATE, CYCLE ({@code cycle}),
 * CHAIN_TOO_LONG, NOT_IN_ELECTORATE. {@code decided}: the vote had closed (this is final).
 * <p>
 * While an AFTER_CLOSE vote is open, a member's own DIRECT ballot is shown to them; anything else (another member's
 * provenance, or one's own through a delegation, which would tell how the delegate voted) answers
 * {@code hidden: "AFTER_CLOSE"} with {@code how, counted, choice, castBy, hops, chain, cycle} null. {@code hidden} is
 * absent otherwise.
 */
record ProvenanceJson(String proposalId, String memberId, Instant asOf, boolean decided, String how, Boolean counted,
                      String choice, DelegationsJson.MemberRef castBy, Integer hops, List<DelegationsJson.MemberRef> chain,
                      List<DelegationsJson.MemberRef> cycle, String explanation,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                      String hidden) {

    /** As {@code reader} (a member id, or null for a reader who is not a member) may see it. */
    static ProvenanceJson of(ProvenanceView view, Map<String, String> names, coop.plenum.governance.ids.MemberId reader) {
        Provenance<?> p = view.provenance();
        boolean ownDirectBallot = p.memberId().equals(reader) && p.kind() == Provenance.Kind.DIRECT;
        if (view.hidden() && !ownDirectBallot) {
            return new ProvenanceJson(view.proposalId().value(), p.memberId().value(), view.asOf(), false, null, null, null,
                    null, null, null, null, "hidden until the vote closes: only participation per class is shown",
                    coop.plenum.governance.proposal.Visibility.AFTER_CLOSE.name());
        }
        return of(view, names);
    }

    static ProvenanceJson of(ProvenanceView view, Map<String, String> names) {
        Provenance<?> p = view.provenance();
        return new ProvenanceJson(view.proposalId().value(), p.memberId().value(), view.asOf(), view.decided(), p.kind().name(),
                p.counted(), ballotText(p.choice()),
                p.castBy() == null ? null : DelegationsJson.ref(p.castBy(), names), p.hops(),
                DelegationsJson.refs(p.chain(), names), DelegationsJson.refs(p.cycle(), names), explain(p, names), null);
    }

    /** A YES_NO choice by name; an option ballot as its scores, e.g. {@code "a=1 b=1"}. */
    static String ballotText(Object ballot) {
        if (ballot == null) {
            return null;
        }
        if (ballot instanceof coop.plenum.governance.options.OptionBallot o) {
            return o.scores().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(" "));
        }
        return ballot instanceof Enum<?> e ? e.name() : ballot.toString();
    }

    private static String explain(Provenance<?> p, Map<String, String> names) {
        String by = p.castBy() == null ? null : names.getOrDefault(p.castBy().value(), p.castBy().value());
        return switch (p.kind()) {
            case DIRECT -> "counted " + ballotText(p.choice()) + " by their own ballot";
            case DELEGATED -> "counted " + ballotText(p.choice()) + " with " + by + "'s ballot, " + p.hops() + (p.hops() == 1 ? " hop" : " hops") + " away";
            case NO_DELEGATION -> "not counted: the chain ended at a member who neither voted nor delegates";
            case DELEGATE_NOT_IN_ELECTORATE -> "not counted: the chain reached a member who is not in this vote's electorate";
            case CYCLE -> "not counted: the delegations run in a cycle and nobody in it voted";
            case CHAIN_TOO_LONG -> "not counted: " + by + " voted, but " + p.hops() + " hops is more than the charter allows";
            case NOT_IN_ELECTORATE -> "not in this vote's electorate";
        };
    }
}
