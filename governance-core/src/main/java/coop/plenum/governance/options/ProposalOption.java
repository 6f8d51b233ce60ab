package coop.plenum.governance.options;

/** One option of an option vote: a short stable {@code id} ballots name, and the {@code label} people read. */
public record ProposalOption(String id, String label) {
}
