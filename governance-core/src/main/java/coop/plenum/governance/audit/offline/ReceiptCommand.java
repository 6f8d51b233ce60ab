package coop.plenum.governance.audit.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.Receipt;
import coop.plenum.governance.audit.ReceiptJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code audit receipt RECEIPT.json --public-key FILE} checks one receipt alone: the checkpoint's signature and the
 * inclusion proof to its Merkle root. {@code audit receipt EXPORT.ndjson RECEIPT.json} also checks the export and
 * that the receipt's event is in it, at its place, with its hash, and that a checkpoint of the same length in the
 * export has the same root (a server that showed the member one history and the auditor another is caught here).
 */
final class ReceiptCommand {

    private static final HexFormat HEX = HexFormat.of();

    private ReceiptCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(words, Set.of("public-key"), Set.of());
        List<String> files = line.positional();
        if (files.isEmpty() || files.size() > 2) {
            throw new CommandLine.UsageError("receipt takes a receipt file, or an export and a receipt file");
        }
        byte[] key = line.option("public-key") == null ? null : PublicKeyFile.read(Path.of(line.option("public-key")));
        if (files.size() == 1 && key == null) {
            throw new CommandLine.UsageError("a receipt alone is checked against a public key you obtained yourself: --public-key is required");
        }
        Path receiptFile = Path.of(files.get(files.size() - 1));
        Receipt receipt = ReceiptJson.read(new ObjectMapper().readTree(Files.readString(receiptFile, StandardCharsets.UTF_8)));
        out.printf("%-22s %s%n", "cooperative", receipt.cooperativeId());
        out.printf("%-22s %s #%d of %s, position %d%n", "event", receipt.eventType(), receipt.sequenceNumber(),
                receipt.aggregateIdentifier(), receipt.position());
        out.printf("%-22s %s%n", "event hash", HEX.formatHex(receipt.eventHash()));
        if (receipt.checkpoint() != null) {
            out.printf("%-22s after %,d events, signed %s%n", "checkpoint", receipt.checkpoint().length(), receipt.checkpoint().createdAt());
        }
        String problem;
        if (files.size() == 1) {
            problem = receipt.check(key);
        } else {
            problem = againstExport(receipt, Path.of(files.get(0)), key, out, err);
        }
        out.printf("%-22s %s%n", "result", problem == null ? "OK: the event is in the signed history" : "FAILED: " + problem);
        return problem == null ? 0 : 1;
    }

    private static String againstExport(Receipt receipt, Path export, byte[] givenKey, PrintStream out, PrintStream err)
            throws IOException {
        byte[] key = givenKey != null ? givenKey : headerKey(export);
        String alone = receipt.check(key);
        if (alone != null) {
            return alone;
        }
        AtomicReference<ExportVerifier.CheckedEvent> found = new AtomicReference<>();
        AtomicReference<Checkpoint> sameLength = new AtomicReference<>();
        ExportVerifier verifier = new ExportVerifier(key)
                .onCheckedEvent(e -> {
                    if (e.index() == receipt.index()) {
                        found.set(e);
                    }
                })
                .onCheckedCheckpoint(c -> {
                    if (c.length() == receipt.checkpoint().length()) {
                        sameLength.set(c);
                    }
                });
        ExportVerifier.Report report = VerifyCommand.verify(verifier, export, err);
        out.printf("%-22s %s: %,d events, %,d checkpoints (signatures checked with %s)%n", "export", export,
                report.eventsChecked(), report.checkpointsChecked(), givenKey != null ? "the given public key" : "the export's own key");
        if (!report.ok()) {
            return "the export does not hold: " + (report.problem() != null ? report.problem() : "a decision differs from its events");
        }
        if (!receipt.cooperativeId().equals(report.cooperativeId())) {
            return "the export is of cooperative " + report.cooperativeId() + ", the receipt of " + receipt.cooperativeId();
        }
        ExportVerifier.CheckedEvent event = found.get();
        if (event == null) {
            return "the export has no event at index " + receipt.index() + ": it ends before the receipt's event";
        }
        if (event.position() != receipt.position() || !Arrays.equals(event.hash(), receipt.eventHash())) {
            return "the export's event at index " + receipt.index() + " (position " + event.position() + ", hash "
                    + HEX.formatHex(event.hash()) + ") is not the receipt's";
        }
        if (sameLength.get() != null && !Arrays.equals(sameLength.get().merkleRoot(), receipt.checkpoint().merkleRoot())) {
            return "the export's checkpoint after " + receipt.checkpoint().length()
                    + " events has another Merkle root than the receipt's: two different histories were signed";
        }
        out.printf("%-22s index %,d, position %,d, same hash%n", "in the export", event.index(), event.position());
        return null;
    }

    private static byte[] headerKey(Path export) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            String key = first == null ? "" : new ObjectMapper().readTree(first).path("publicKey").asText();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(export + " has no export header with a public key");
            }
            return java.util.Base64.getDecoder().decode(key);
        }
    }
}
