package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary admits an applicant (only under the SECRETARY admission policy). */
public record AdmitMember(@TargetAggregateIdentifier CooperativeId cooperativeId, MemberId memberId) {
}
