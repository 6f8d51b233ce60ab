package coop.plenum.governance.proposal.command;

/** ELECTION: a standing nomination, for the nominee's class then, accepted or not yet. */
record Candidacy(String classId, boolean accepted) {
}
