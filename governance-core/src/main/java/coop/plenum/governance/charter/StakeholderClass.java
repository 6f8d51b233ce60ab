package coop.plenum.governance.charter;

/** A stakeholder class: {@code weight} is its integer percent of the decision, {@code quorum} the percent of its power that must take part. */
public record StakeholderClass(String id, String name, Integer weight, Integer quorum) {
}
