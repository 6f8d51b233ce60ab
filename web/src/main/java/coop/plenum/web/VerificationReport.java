package coop.plenum.web;

import coop.plenum.governance.audit.chain.AuditVerifier;

import java.util.ArrayList;
import java.util.List;

/**
 * A verification's result in plain sentences, in the reader's language: a headline, what was checked, and what is
 * wrong with the first bad event. Hashes, positions, key ids, event types and the verifier's problem codes stay as the
 * export and {@code audit verify} print them, so an auditor can compare the page with the offline check.
 */
record VerificationReport(boolean ok, String headline, List<String> sentences, AuditVerifier.Verification result) {

    static VerificationReport of(AuditVerifier.Verification v, Words words) {
        List<String> said = new ArrayList<>();
        said.add(words.say(v.ok() ? "audit.verify.checked" : "audit.verify.checkedUpToBad", count(v.eventsChecked(), words)));
        if (v.eventsPending() > 0) {
            said.add(words.say("audit.verify.pending", count(v.eventsPending(), words)));
        } else {
            said.add(words.say("audit.verify.nonePending"));
        }
        said.add(words.say("audit.verify.head", v.chainHead()));
        if (v.lastCheckpoint() == null) {
            said.add(words.say("audit.verify.noCheckpoint"));
        } else {
            // the time as the export has it (UTC), the position as the log numbers it
            said.add(words.say("audit.verify.checkpoint", String.valueOf(v.lastCheckpoint().createdAt()), v.lastCheckpoint().keyId(),
                    count(v.lastCheckpoint().length(), words), String.valueOf(v.lastCheckpoint().position())));
        }
        AuditVerifier.BadEvent bad = v.firstBadEvent();
        if (bad != null) {
            said.add(words.say("audit.verify.bad", String.valueOf(bad.position()))
                    + (bad.type() == null ? "" : words.say("audit.verify.badType", simple(bad.type())))
                    + (bad.aggregateIdentifier() == null ? ""
                    : words.say("audit.verify.badAggregate", String.valueOf(bad.sequenceNumber()), bad.aggregateIdentifier()))
                    + ". " + words.say("audit.problem." + bad.problem().name()) + (bad.detail() == null ? "." : " (" + bad.detail() + ")."));
        }
        String headline = words.say(v.ok() ? "audit.verify.ok" : "audit.verify.failed");
        return new VerificationReport(v.ok(), headline, List.copyOf(said), v);
    }

    private static String count(long events, Words words) {
        return words.say("audit.verify.events", events);
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
