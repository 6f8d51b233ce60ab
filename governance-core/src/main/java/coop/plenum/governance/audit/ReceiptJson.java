package coop.plenum.governance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** A receipt as JSON (docs/audit.md), the same for the API and the offline {@code audit receipt} command. */
public final class ReceiptJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private ReceiptJson() {
    }

    public static ObjectNode write(Receipt receipt) {
        ObjectNode out = JSON.createObjectNode().put("format", "plenum-receipt-v1").put("cooperativeId", receipt.cooperativeId())
                .put("position", receipt.position()).put("index", receipt.index()).put("eventType", receipt.eventType())
                .put("aggregateIdentifier", receipt.aggregateIdentifier()).put("sequenceNumber", receipt.sequenceNumber())
                .put("eventHash", HEX.formatHex(receipt.eventHash()));
        out.set("checkpoint", checkpoint(receipt.checkpoint()));
        ArrayNode proof = out.putArray("inclusionProof");
        receipt.inclusionProof().forEach(p -> proof.add(HEX.formatHex(p)));
        return out;
    }

    public static ObjectNode checkpoint(Checkpoint checkpoint) {
        return JSON.createObjectNode().put("cooperativeId", checkpoint.cooperativeId()).put("length", checkpoint.length())
                .put("position", checkpoint.position()).put("chainHead", HEX.formatHex(checkpoint.chainHead()))
                .put("merkleRoot", HEX.formatHex(checkpoint.merkleRoot())).put("createdAt", checkpoint.createdAt().toString())
                .put("keyId", checkpoint.keyId()).put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
    }

    /** Reads a receipt; throws IllegalArgumentException naming what is malformed. */
    public static Receipt read(JsonNode in) {
        try {
            JsonNode c = in.path("checkpoint");
            Checkpoint checkpoint = new Checkpoint(c.path("cooperativeId").asText(), c.path("length").asLong(), c.path("position").asLong(),
                    HEX.parseHex(c.path("chainHead").asText()), HEX.parseHex(c.path("merkleRoot").asText()),
                    Instant.parse(c.path("createdAt").asText()), c.path("keyId").asText(),
                    Base64.getDecoder().decode(c.path("signature").asText()));
            List<byte[]> proof = new ArrayList<>();
            in.path("inclusionProof").forEach(p -> proof.add(HEX.parseHex(p.asText())));
            return new Receipt(in.path("cooperativeId").asText(), in.path("position").asLong(), in.path("index").asLong(),
                    in.path("eventType").asText(), in.path("aggregateIdentifier").asText(), in.path("sequenceNumber").asLong(),
                    HEX.parseHex(in.path("eventHash").asText()), checkpoint, proof);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Plenum receipt: " + e.getMessage(), e);
        }
    }
}
