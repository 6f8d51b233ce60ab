package coop.plenum.governance.membership;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A secretary sets which of SECRETARY and AUDITOR an account holds in the cooperative (the whole set). */
public record SetRoles(@TargetAggregateIdentifier CooperativeId cooperativeId, AccountId accountId, Set<Role> roles) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> v = new ArrayList<>();
        if (accountId != null) {
            Ids.wellFormed("accountId", accountId.value(), v);
        }
        if (roles == null || roles.stream().anyMatch(Objects::isNull)) {
            v.add(new Violation("roles", "roles.not-assignable", "roles are a list of SECRETARY and AUDITOR"));
        }
        return v;
    }
}
