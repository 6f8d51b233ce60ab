package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact: on {@code day} (UTC) a secretary ({@code remindedBy}) reminded the electors whose power was not counted then
 * ({@code nonVoters}: no ballot of their own, none reached through delegation) to vote. At most one per vote per day.
 */
public record NonVotersReminded(ProposalId proposalId, CooperativeId cooperativeId, AccountId remindedBy, LocalDate day,
                                List<NotifiedElector> nonVoters, Instant remindedAt) {
    public NonVotersReminded {
        nonVoters = nonVoters == null ? List.of() : List.copyOf(nonVoters);
    }
}
