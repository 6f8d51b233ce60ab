package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.account.AccountId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An operator founds a cooperative with its charter, its founders and its first secretary. */
public record FoundCooperative(@TargetAggregateIdentifier CooperativeId cooperativeId,
                               String name,
                               Charter charter,
                               List<FounderSeat> founders,
                               AccountId secretaryAccountId) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return FoundingInputRules.founding(this);
    }
}
