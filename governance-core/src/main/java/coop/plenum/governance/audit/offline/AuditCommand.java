package coop.plenum.governance.audit.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar plenum.jar audit verify EXPORT.ndjson [--public-key FILE]}: checks an audit export offline, with
 * no server and no database, prints what it checked as a table and exits 0 only if everything holds (1 if not,
 * 2 for a usage or file error). The key file holds the raw Ed25519 public key in base64 or hex, or is the JSON that
 * {@code GET /api/v1/audit/public-key} answers; without it the key in the export's own header is used, which
 * proves the export is consistent but not who signed it.
 */
public final class AuditCommand {

    private static final Pattern JSON_KEY = Pattern.compile("\"publicKey\"\\s*:\\s*\"([^\"]+)\"");

    private AuditCommand() {
    }

    private static final String USAGE = "usage: plenum audit verify EXPORT.ndjson [--public-key FILE]\n"
            + "       plenum audit receipt RECEIPT.json [--public-key FILE]";

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() >= 2 && "receipt".equals(args.get(1))) {
            return receipt(args, out, err);
        }
        if (args.size() < 2 || !"verify".equals(args.get(1))) {
            err.println(USAGE);
            return 2;
        }
        if (args.size() != 3 && !(args.size() == 5 && "--public-key".equals(args.get(3)))) {
            err.println(USAGE);
            return 2;
        }
        Path export = Path.of(args.get(2));
        try {
            byte[] key = args.size() == 5 ? publicKey(Path.of(args.get(4))) : null;
            long size = Files.size(export);
            Progress progress = new Progress(size, err);
            ExportVerifier.Report report;
            try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                report = new ExportVerifier(key).verify(reader, progress);
            }
            progress.done();
            print(export, key != null, report, out);
            return report.ok() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("plenum audit: " + e.getMessage());
            return 2;
        }
    }

    /** Checks one receipt with the public key: signed checkpoint, and the inclusion proof to its Merkle root. */
    private static int receipt(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 5 || !"--public-key".equals(args.get(3))) {
            err.println(USAGE + "\n(a receipt is checked against a public key you obtained yourself: --public-key is required)");
            return 2;
        }
        try {
            byte[] key = publicKey(Path.of(args.get(4)));
            coop.plenum.governance.audit.Receipt receipt = coop.plenum.governance.audit.ReceiptJson.read(
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Path.of(args.get(2)), StandardCharsets.UTF_8)));
            String problem = receipt.check(key);
            out.printf("%-22s %s%n", "cooperative", receipt.cooperativeId());
            out.printf("%-22s %s #%d of %s, position %d%n", "event", receipt.eventType(), receipt.sequenceNumber(),
                    receipt.aggregateIdentifier(), receipt.position());
            out.printf("%-22s %s%n", "event hash", HexFormat.of().formatHex(receipt.eventHash()));
            out.printf("%-22s after %,d events, signed %s%n", "checkpoint", receipt.checkpoint().length(), receipt.checkpoint().createdAt());
            out.printf("%-22s %s%n", "result", problem == null ? "OK: the event is in the signed history" : "FAILED: " + problem);
            return problem == null ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("plenum audit: " + e.getMessage());
            return 2;
        }
    }

    static byte[] publicKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        Matcher json = JSON_KEY.matcher(text);
        if (json.find()) {
            text = json.group(1);
        }
        byte[] raw = text.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        if (raw.length != 32) {
            throw new IllegalArgumentException(file + " does not hold a 32-byte Ed25519 public key");
        }
        return raw;
    }

    private static void print(Path export, boolean trustedKey, ExportVerifier.Report report, PrintStream out) {
        out.printf("%-22s %s%n", "export", export);
        out.printf("%-22s %s%n", "cooperative", report.cooperativeId());
        out.printf("%-22s %,d%n", "events checked", report.eventsChecked());
        out.printf("%-22s %,d (signatures checked with %s)%n", "checkpoints checked", report.checkpointsChecked(),
                trustedKey ? "the given public key" : "the export's own key: pass --public-key to know who signed");
        if (report.unsignedEvents() > 0) {
            out.printf("%-22s %,d (after the last checkpoint; chained, not yet signed)%n", "unsigned events", report.unsignedEvents());
        }
        out.printf("%-22s %,d%n", "decisions re-tallied", report.decisions().size());
        out.printf("%-22s %,d%n", "  matching", report.decisionsMatching());
        out.printf("%-22s %,d%n", "  differing", report.decisionsDiffering());
        report.decisions().stream().filter(d -> !d.matches()).forEach(d -> out.printf(
                "  proposal %s: recorded %s (approval %s), its events give %s (approval %s)%n",
                d.proposalId(), d.recordedOutcome(), d.recordedApproval(), d.outcome(), d.approval()));
        out.printf("%-22s %s%n", "result", report.ok() ? "OK: the history holds" : "FAILED"
                + (report.problem() == null ? ": a decision differs from its events" : ": " + report.problem()));
    }

    /** A progress bar on stderr for long files, redrawn every 2 %. */
    private static final class Progress implements java.util.function.LongConsumer {
        private final long total;
        private final PrintStream err;
        private long read;
        private long shown = -1;

        Progress(long total, PrintStream err) {
            this.total = total;
            this.err = err;
        }

        @Override
        public void accept(long bytes) {
            read += bytes;
            if (total < 5_000_000) {
                return;
            }
            long percent = Math.min(100, read * 100 / total);
            if (percent / 2 != shown) {
                shown = percent / 2;
                err.print("\r[" + "#".repeat((int) shown) + " ".repeat(50 - (int) shown) + "] " + percent + " %");
            }
        }

        void done() {
            if (total >= 5_000_000) {
                err.println();
            }
        }
    }
}
