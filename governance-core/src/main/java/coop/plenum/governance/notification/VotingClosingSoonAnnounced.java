package coop.plenum.governance.notification;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;
import java.util.List;

/**
 * A fact: at {@code announcedAt}, a day before the vote closes at {@code closesAt}, these electors' power was not
 * counted ({@code nonVoters}) and these classes were short of quorum ({@code shortfalls}, exact). Recorded with the
 * numbers so that the notifications it causes never depend on when they are rebuilt. At most one per vote.
 */
public record VotingClosingSoonAnnounced(ProposalId proposalId, CooperativeId cooperativeId, Instant closesAt,
                                         List<NotifiedElector> nonVoters, List<QuorumShortfall> shortfalls,
                                         Instant announcedAt) {
    public VotingClosingSoonAnnounced {
        nonVoters = nonVoters == null ? List.of() : List.copyOf(nonVoters);
        shortfalls = shortfalls == null ? List.of() : List.copyOf(shortfalls);
    }
}
