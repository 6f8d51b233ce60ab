package coop.plenum.governance.cooperative;

public enum VotingPowerMode {
    EQUAL, CONTRIBUTION_WEIGHTED
}
