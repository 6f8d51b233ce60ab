package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.Charter;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.membership.MemberStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A cooperative as its members and auditors read it. */
public record CooperativeView(CooperativeId cooperativeId, String name, Charter charter, Instant foundedAt,
                              List<SeatView> members, Map<AccountId, Set<Role>> grantedRoles) {

    /** The roles this account holds here: MEMBER while its membership is ACTIVE or SUSPENDED, plus granted ones. */
    public Set<Role> rolesOf(AccountId accountId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (seatOf(accountId).filter(SeatView::holdsMembership).isPresent()) {
            roles.add(Role.MEMBER);
        }
        roles.addAll(grantedRoles.getOrDefault(accountId, Set.of()));
        return roles;
    }

    public Optional<SeatView> seatOf(AccountId accountId) {
        return members.stream().filter(s -> s.accountId().equals(accountId)).findFirst();
    }

    public Map<MemberStatus, Long> countByStatus() {
        return members.stream().collect(Collectors.groupingBy(SeatView::status, TreeMap::new, Collectors.counting()));
    }

    /** Members holding a membership (ACTIVE or SUSPENDED) per stakeholder class, every charter class listed. */
    public Map<String, Long> countByClass() {
        Map<String, Long> counts = new TreeMap<>();
        charter.classes().forEach(c -> counts.put(c.id(), 0L));
        members.stream().filter(SeatView::holdsMembership).forEach(s -> counts.merge(s.classId(), 1L, Long::sum));
        return counts;
    }
}
