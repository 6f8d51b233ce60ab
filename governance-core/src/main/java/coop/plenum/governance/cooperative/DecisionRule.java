package coop.plenum.governance.cooperative;

public record DecisionRule(Threshold threshold, ClassRule classRule) {
}
