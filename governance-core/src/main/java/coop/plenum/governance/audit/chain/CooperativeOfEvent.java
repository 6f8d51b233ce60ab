package coop.plenum.governance.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.delegation.DelegationStreams;

import java.io.IOException;
import java.util.Optional;

/**
 * Which cooperative's history an event belongs to, derived from what the log already stores, so events written
 * before any audit metadata existed are placed too: a cooperative's, its delegation register's and its ledger's
 * events by their aggregate id,
 * a proposal's by the cooperative its {@code ProposalSubmitted} names. Accounts and platform operations form the
 * platform's own chain, {@value #PLATFORM}.
 */
final class CooperativeOfEvent {

    static final String PLATFORM = "_platform";
    private static final String LEDGER_PREFIX = "ledger-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CooperativeOfEvent() {
    }

    /** The cooperative an event names by its aggregate alone, if it does. */
    static Optional<String> byAggregate(String aggregateType, String aggregateIdentifier) {
        if (aggregateType == null) {
            return Optional.of(PLATFORM);
        }
        return switch (aggregateType) {
            case "Cooperative" -> Optional.of(aggregateIdentifier);
            case DelegationStreams.REGISTER_AGGREGATE_TYPE -> Optional.of(DelegationStreams.cooperativeOfRegister(aggregateIdentifier));
            case "Ledger" -> Optional.of(aggregateIdentifier.startsWith(LEDGER_PREFIX)
                    ? aggregateIdentifier.substring(LEDGER_PREFIX.length()) : aggregateIdentifier);
            case "Proposal" -> Optional.empty();
            default -> Optional.of(PLATFORM);
        };
    }

    /** The cooperative a proposal was submitted in, read from its {@code ProposalSubmitted} payload. */
    static Optional<String> submittedIn(String payloadType, byte[] payload) {
        if (payloadType == null || !payloadType.endsWith(".ProposalSubmitted")) {
            return Optional.empty();
        }
        try {
            JsonNode cooperative = JSON.readTree(payload).path("cooperativeId");
            return cooperative.isTextual() ? Optional.of(cooperative.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
