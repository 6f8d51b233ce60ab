package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.Charter;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cooperative: its charter, its members' statuses and classes, and who holds which role. Founding is decided
 * by {@link FoundCooperativeHandler} (it needs to know which accounts exist); later commands land here.
 */
@Aggregate
class Cooperative {

    @AggregateIdentifier
    private CooperativeId cooperativeId;
    private Charter charter;
    private final Map<MemberId, Seat> members = new HashMap<>();
    private final Set<AccountId> secretaries = new HashSet<>();

    Cooperative() {
        // for Axon's event sourcing
    }

    Cooperative(CooperativeId id, String name, Charter charter, List<FoundingMember> founders,
                AccountId secretary, Instant now) {
        apply(new CooperativeFounded(id, name, charter, founders, secretary, now));
    }

    @EventSourcingHandler
    void on(CooperativeFounded event) {
        this.cooperativeId = event.cooperativeId();
        this.charter = event.charter();
        event.founders().forEach(f -> members.put(f.memberId(), new Seat(f.accountId(), f.classId(), MemberStatus.ACTIVE)));
        secretaries.add(event.secretaryAccountId());
    }

    private record Seat(AccountId accountId, String classId, MemberStatus status) {
    }
}
