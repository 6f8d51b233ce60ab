package coop.plenum.web;

import coop.plenum.governance.audit.chain.AuditVerifier;

import java.util.ArrayList;
import java.util.List;

/** A verification's result in plain sentences: a headline, what was checked, and what is wrong with the first bad event. */
record VerificationReport(boolean ok, String headline, List<String> sentences, AuditVerifier.Verification result) {

    static VerificationReport of(AuditVerifier.Verification v) {
        List<String> said = new ArrayList<>();
        said.add(count(v.eventsChecked(), "event") + " checked against the chain: each still stored at its position, with the bytes it had"
                + " when it was chained" + (v.ok() ? "." : ", up to the first bad one."));
        if (v.eventsPending() > 0) {
            said.add(count(v.eventsPending(), "event") + " of the log committed but not chained yet: they are not counted as verified"
                    + " (the chain links new events within a second; verify again).");
        } else {
            said.add("No event is waiting to be chained.");
        }
        said.add("The chain head is " + v.chainHead() + ".");
        if (v.lastCheckpoint() == null) {
            said.add("No checkpoint is signed yet.");
        } else {
            said.add("The last checkpoint, signed " + v.lastCheckpoint().createdAt() + " by key " + v.lastCheckpoint().keyId()
                    + ", covers the first " + count(v.lastCheckpoint().length(), "event") + " (up to log position "
                    + v.lastCheckpoint().position() + ").");
        }
        AuditVerifier.BadEvent bad = v.firstBadEvent();
        if (bad != null) {
            said.add("First bad event: position " + bad.position()
                    + (bad.type() == null ? "" : ", a " + simple(bad.type()))
                    + (bad.aggregateIdentifier() == null ? "" : ", event " + bad.sequenceNumber() + " of " + bad.aggregateIdentifier())
                    + ". " + meaning(bad.problem()) + (bad.detail() == null ? "." : " (" + bad.detail() + ")."));
        }
        String headline = v.ok() ? "OK: the stored history is the history that was chained and signed."
                : "FAILED: the stored history differs from what was chained and signed.";
        return new VerificationReport(v.ok(), headline, List.copyOf(said), v);
    }

    private static String meaning(AuditVerifier.Problem problem) {
        return switch (problem) {
            case ALTERED -> "ALTERED: its stored bytes (payload, metadata, type or time) were changed after it was chained";
            case MISSING -> "MISSING: it was chained, and is no longer in the log";
            case REORDERED -> "REORDERED: another event now sits at its position";
            case INSERTED -> "INSERTED: it sits in the log below the chained events without ever having been chained";
            case CHAIN_ALTERED -> "CHAIN ALTERED: the chain's own links were edited and no longer follow from each other";
            case REWRITTEN -> "REWRITTEN: events were changed and the chain recomputed to match; the history no longer leads to the"
                    + " head the node signed";
            case CHECKPOINT_FORGED -> "CHECKPOINT FORGED: a checkpoint's signature does not match it";
        };
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s", n, n == 1 ? noun : noun + "s");
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
