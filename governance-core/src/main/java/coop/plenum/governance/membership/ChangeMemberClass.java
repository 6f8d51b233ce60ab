package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** A secretary moves an ACTIVE member to another stakeholder class. */
public record ChangeMemberClass(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId, String classId) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return ApplyForMembership.classIdIsASlug(classId);
    }
}
