package coop.plenum.governance.audit.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.HashChain;
import coop.plenum.governance.audit.MerkleFrontier;
import coop.plenum.governance.audit.MerkleTree;
import coop.plenum.governance.audit.StoredEvent;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.proposal.VotingClosed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Checks an audit export with nothing but the file (and, better, a public key obtained elsewhere): every event's
 * hash against its stored bytes, the chain from link to link, every checkpoint's head, Merkle root and Ed25519
 * signature, the trailer; then every closed vote re-tallied from its own events with the server's tally code and
 * compared with the recorded outcome. Stops at the first line that breaks the history and names it.
 */
public final class ExportVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper LINES = new ObjectMapper();
    private static final ObjectMapper EVENTS = SerializationConfiguration.eventObjectMapper();
    private static final Set<String> REPLAYED = Set.of("VotingOpened", "BallotCast", "BallotRetracted", "DelegationsFrozen", "VotingClosed",
            "SecretBallotCast", "SecretBallotRetracted", "SecretBallotsRevealed");

    /** What the check found. {@code problem} is null only when everything holds. */
    public record Report(String cooperativeId, long eventsChecked, long checkpointsChecked, long unsignedEvents,
                         List<DecisionReplay.Result> decisions, String problem) {

        public boolean ok() {
            return problem == null && decisions.stream().allMatch(DecisionReplay.Result::matches);
        }

        public long decisionsMatching() {
            return decisions.stream().filter(DecisionReplay.Result::matches).count();
        }

        public long decisionsDiffering() {
            return decisions.size() - decisionsMatching();
        }
    }

    /** An event whose hash and link the verifier has checked, as offline tools that look for one event need it. */
    public record CheckedEvent(long index, long position, String type, String aggregateIdentifier, long sequenceNumber,
                               byte[] hash) {
    }

    private final byte[] trustedPublicKey;
    private final Map<String, Class<?>> replayedTypes = new HashMap<>();
    private Consumer<CheckedEvent> checkedEvents = event -> { };
    private Consumer<Checkpoint> checkedCheckpoints = checkpoint -> { };
    private Map<String, DecisionReplay> lastReplays = Map.of();

    /** @param trustedPublicKey the key to check signatures with; null trusts the key the export's header carries */
    public ExportVerifier(byte[] trustedPublicKey) {
        this.trustedPublicKey = trustedPublicKey;
    }

    /** Tells {@code listener} about every event once its hash and link have been checked, in chain order. */
    public ExportVerifier onCheckedEvent(Consumer<CheckedEvent> listener) {
        this.checkedEvents = listener;
        return this;
    }

    /** Tells {@code listener} about every checkpoint once its signature, head and root have been checked. */
    public ExportVerifier onCheckedCheckpoint(Consumer<Checkpoint> listener) {
        this.checkedCheckpoints = listener;
        return this;
    }

    /** After {@link #verify}: the vote of {@code proposalId} as its events in the export rebuild it, if it had one. */
    public Optional<DecisionReplay> replayOf(String proposalId) {
        return Optional.ofNullable(lastReplays.get(proposalId));
    }

    public Report verify(BufferedReader export, LongConsumer bytesRead) throws IOException {
        State state = new State();
        lastReplays = state.proposals;
        String line;
        long lineNumber = 0;
        while ((line = export.readLine()) != null) {
            lineNumber++;
            bytesRead.accept(line.length() + 1L);
            if (line.isBlank()) {
                continue;
            }
            String problem = state.line(lineNumber, line);
            if (problem != null) {
                return state.report("line " + lineNumber + ": " + problem);
            }
            if (state.trailerSeen) {
                break;
            }
        }
        if (!state.headerSeen) {
            return state.report("the file has no export header: it is not a Plenum audit export");
        }
        if (!state.trailerSeen) {
            return state.report("the export ends after line " + lineNumber + " without its trailer: it was cut short");
        }
        return state.report(null);
    }

    private final class State {
        boolean headerSeen;
        boolean trailerSeen;
        String cooperativeId;
        byte[] publicKey;
        final HashChain chain = new HashChain();
        final MerkleFrontier frontier = new MerkleFrontier();
        long checkpoints;
        long signedLength;
        final Map<String, DecisionReplay> proposals = new HashMap<>();
        final List<DecisionReplay.Result> decisions = new ArrayList<>();

        Report report(String problem) {
            return new Report(cooperativeId, chain.length(), checkpoints, chain.length() - signedLength, decisions, problem);
        }

        String line(long number, String text) {
            JsonNode line;
            try {
                line = LINES.readTree(text);
            } catch (IOException e) {
                return "not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")";
            }
            String kind = line.path("kind").asText();
            if (!headerSeen) {
                return "header".equals(kind) ? header(line) : "the first line must be the export header";
            }
            return switch (kind) {
                case "event" -> event(line);
                case "checkpoint" -> checkpoint(line);
                case "trailer" -> trailer(line);
                default -> "unknown line kind '" + kind + "'";
            };
        }

        private String header(JsonNode header) {
            if (!"plenum-audit-export-v1".equals(header.path("format").asText())) {
                return "unknown export format '" + header.path("format").asText() + "'";
            }
            headerSeen = true;
            cooperativeId = header.path("cooperativeId").asText();
            try {
                publicKey = trustedPublicKey != null ? trustedPublicKey : Base64.getDecoder().decode(header.path("publicKey").asText());
            } catch (IllegalArgumentException e) {
                return "the header's public key is not base64";
            }
            return null;
        }

        private String event(JsonNode line) {
            long index = line.path("index").asLong(-1);
            String named = "event " + line.path("type").asText() + " #" + line.path("sequenceNumber").asText() + " of "
                    + line.path("aggregateIdentifier").asText() + " at position " + line.path("position").asText();
            if (index != chain.length()) {
                return index > chain.length()
                        ? named + " has index " + index + " where " + chain.length() + " was due: an event before it is missing or was moved"
                        : named + " has index " + index + " again or too early: it was inserted, repeated or moved";
            }
            StoredEvent event;
            try {
                event = new StoredEvent(line.path("position").asLong(), text(line, "eventIdentifier"), text(line, "aggregateType"),
                        text(line, "aggregateIdentifier"), line.path("sequenceNumber").asLong(), text(line, "type"),
                        text(line, "payloadRevision"), text(line, "timestamp"), bytes(line, "metadata"), bytes(line, "payload"));
            } catch (IllegalArgumentException e) {
                return named + ": unreadable (" + e.getMessage() + ")";
            }
            byte[] hash = event.hash();
            if (!HEX.formatHex(hash).equals(line.path("hash").asText())) {
                return named + " was altered: its content does not give its hash";
            }
            chain.append(hash);
            frontier.append(MerkleTree.leafHash(hash));
            if (line.hasNonNull("link") && !chain.headEquals(HEX.parseHex(line.path("link").asText()))) {
                return named + ": its link does not follow from the events before it";
            }
            checkedEvents.accept(new CheckedEvent(index, event.position(), event.payloadType(), event.aggregateIdentifier(),
                    event.sequenceNumber(), hash));
            return replay(event, named);
        }

        private String replay(StoredEvent event, String named) {
            String type = event.payloadType() == null ? "" : event.payloadType();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (!type.startsWith("coop.plenum.governance.proposal.") || !REPLAYED.contains(simple)) {
                return null;
            }
            Object payload;
            try {
                Class<?> payloadClass = replayedTypes.get(type);
                if (payloadClass == null) {
                    payloadClass = Class.forName(type);
                    replayedTypes.put(type, payloadClass);
                }
                payload = EVENTS.readValue(event.payload(), payloadClass);
            } catch (IOException | ClassNotFoundException e) {
                return named + ": its payload cannot be read as " + simple + " (" + e.getMessage() + ")";
            }
            DecisionReplay proposal = proposals.computeIfAbsent(event.aggregateIdentifier(), id -> new DecisionReplay());
            if (payload instanceof VotingClosed closed) {
                proposal.closed(closed).ifPresent(decisions::add);
            } else {
                proposal.on(payload);
            }
            return null;
        }

        private String checkpoint(JsonNode line) {
            long length = line.path("length").asLong(-1);
            if (length != chain.length()) {
                return length > chain.length()
                        ? "a checkpoint of " + length + " events stands after event " + chain.length() + ": " + (length - chain.length())
                                + " event(s) before it are missing or were moved past it"
                        : "a checkpoint of " + length + " events stands after event " + chain.length() + ": " + (chain.length() - length)
                                + " event(s) before it were inserted or moved before it";
            }
            if (checkpoints > 0 && length == signedLength) {
                // the server signs each length once: a second checkpoint line for it was inserted or repeated
                return "a second checkpoint after " + length + " events: a line was inserted or repeated";
            }
            Checkpoint checkpoint;
            try {
                checkpoint = new Checkpoint(line.path("cooperativeId").asText(), length, line.path("position").asLong(),
                        HEX.parseHex(line.path("chainHead").asText()), HEX.parseHex(line.path("merkleRoot").asText()),
                        Instant.parse(line.path("createdAt").asText()), line.path("keyId").asText(),
                        Base64.getDecoder().decode(line.path("signature").asText()));
            } catch (RuntimeException e) {
                return "the checkpoint after " + length + " events is unreadable (" + e.getMessage() + ")";
            }
            if (!checkpoint.signedBy(publicKey)) {
                return "the checkpoint after " + length + " events is not signed by the " + (trustedPublicKey != null ? "given" : "export's") + " key";
            }
            if (!checkpoint.cooperativeId().equals(cooperativeId) || !chain.headEquals(checkpoint.chainHead())
                    || !Arrays.equals(frontier.root(), checkpoint.merkleRoot())) {
                return "the events before it no longer give the chain head and Merkle root signed after " + length
                        + " events: the history was rewritten";
            }
            checkpoints++;
            signedLength = length;
            checkedCheckpoints.accept(checkpoint);
            return null;
        }

        private String trailer(JsonNode line) {
            trailerSeen = true;
            if (line.path("events").asLong(-1) != chain.length()) {
                return "the trailer counts " + line.path("events").asText() + " events, the export has " + chain.length()
                        + ": events were removed or added";
            }
            if (!chain.headEquals(HEX.parseHex(line.path("chainHead").asText()))) {
                return "the trailer's chain head is not the chain's";
            }
            return null;
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode line, String field) {
        JsonNode text = line.get(field);
        if (text != null && !text.isNull()) {
            return text.asText().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode base64 = line.get(field + "Base64");
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asText());
    }
}
