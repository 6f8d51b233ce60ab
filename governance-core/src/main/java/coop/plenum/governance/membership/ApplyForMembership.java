package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An account asks to join a cooperative in a stakeholder class. */
public record ApplyForMembership(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId,
                                 AccountId accountId, String classId) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return classIdIsASlug(classId);
    }

    static List<Violation> classIdIsASlug(String classId) {
        return Slugs.isSlug(classId) ? List.of() : List.of(new Violation("classId", "membership.class-unknown",
                "classId is one of the charter's stakeholder classes (a slug)"));
    }
}
