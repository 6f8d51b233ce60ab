package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;

import java.util.List;

/**
 * How one member's power was counted, or why it was not: their own ballot; a chain of delegations to the ballot
 * of {@code castBy} ({@code choice} is the ballot counted, of the voting method's ballot type); or the chain ended
 * without counting (no delegation onward, a delegate outside the electorate, a cycle, more hops than the charter
 * allows). {@code chain} starts with the member and lists each
 * delegate followed (capped at {@link #MAX_SHOWN} members); {@code cycle} lists a cycle's members.
 */
public record Provenance<B>(MemberId memberId, Kind kind, B choice, MemberId castBy, int hops, List<MemberId> chain,
                            List<MemberId> cycle) {

    public static final int MAX_SHOWN = 1000;

    public enum Kind {
        /** the member's own ballot counted */
        DIRECT,
        /** counted with the ballot at the end of the chain */
        DELEGATED,
        /** the chain reached a member who neither voted nor delegates (possibly the member themself) */
        NO_DELEGATION,
        /** the chain reached a delegate who is not in this vote's electorate */
        DELEGATE_NOT_IN_ELECTORATE,
        /** the chain runs into a cycle of members none of whom voted */
        CYCLE,
        /** the chain reaches a ballot, but in more hops than the charter's maxChainLength */
        CHAIN_TOO_LONG,
        /** the member is not in this vote's electorate */
        NOT_IN_ELECTORATE
    }

    public Provenance {
        chain = chain == null ? List.of() : List.copyOf(chain);
        cycle = cycle == null ? List.of() : List.copyOf(cycle);
    }

    public boolean counted() {
        return kind == Kind.DIRECT || kind == Kind.DELEGATED;
    }
}
