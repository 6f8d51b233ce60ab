package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A member entrusts their vote to another ACTIVE member of the cooperative, for one topic or, with scope
 * {@code _global}, for every topic without a delegation of its own. Delegating again replaces the delegate. Decided
 * by the cooperative's delegation register.
 */
public record DelegateVote(CooperativeId cooperativeId, MemberId memberId, String scope,
                           MemberId delegateId) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> v = new ArrayList<>();
        if (scope == null || scope.length() > Slugs.MAX_LENGTH || !Texts.isStorable(scope, Texts.Lines.ONE)) {
            v.add(new Violation("topic", "delegation.topic-unknown", "the scope is _global or one of the charter's topics"));
        }
        if (delegateId != null) {
            Ids.wellFormed("delegateId", delegateId.value(), v);
        }
        return v;
    }
}
