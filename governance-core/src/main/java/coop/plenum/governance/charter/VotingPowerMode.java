package coop.plenum.governance.charter;

public enum VotingPowerMode {
    EQUAL, CONTRIBUTION_WEIGHTED
}
