package coop.plenum.governance.audit.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code audit verify EXPORT.ndjson [--public-key FILE]}: chain, checkpoints, signatures and every decision
 * re-tallied, printed as a table. Without a key the export's own header key is used, which proves the export is
 * consistent but not who signed it.
 */
final class VerifyCommand {

    private VerifyCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(words, Set.of("public-key"), Set.of());
        if (line.positional().size() != 1) {
            throw new CommandLine.UsageError("verify takes one export file");
        }
        Path export = Path.of(line.positional().get(0));
        byte[] key = line.option("public-key") == null ? null : PublicKeyFile.read(Path.of(line.option("public-key")));
        ExportVerifier.Report report = verify(new ExportVerifier(key), export, err);
        print(export, key != null, report, out);
        return report.ok() ? 0 : 1;
    }

    /** Runs the verifier over the file with a progress bar on stderr. */
    static ExportVerifier.Report verify(ExportVerifier verifier, Path export, PrintStream err) throws IOException {
        ProgressBar progress = new ProgressBar(Files.size(export), err);
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            return verifier.verify(reader, progress);
        } finally {
            progress.done();
        }
    }

    static void print(Path export, boolean trustedKey, ExportVerifier.Report report, PrintStream out) {
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
}
