package coop.plenum.governance.charter;

/** Whether members may delegate their vote, and how many hops a chain may have (0 = unlimited). */
public record DelegationRule(Boolean enabled, Integer maxChainLength) {
}
