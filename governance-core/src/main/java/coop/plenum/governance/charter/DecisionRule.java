package coop.plenum.governance.charter;

public record DecisionRule(Threshold threshold, ClassRule classRule) {
}
