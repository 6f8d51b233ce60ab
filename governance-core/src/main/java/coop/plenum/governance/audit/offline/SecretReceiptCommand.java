package coop.plenum.governance.audit.offline;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.secret.ReceiptTags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code audit secret-receipt EXPORT.ndjson PROPOSAL SECRET}: a voter's check, offline, that their secret ballot is
 * among the revealed ones and counted as cast. The export is verified first (chain, checkpoints, and the vote
 * re-counted from the revealed ballots), then the tag of the receipt secret is computed here and looked for in the
 * vote's revealed ballots. Nothing is sent anywhere. {@code -} reads the secret from standard input, so that it
 * stays out of the shell's history and the process list.
 */
final class SecretReceiptCommand {

    private SecretReceiptCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err, InputStream in) throws IOException {
        CommandLine line = CommandLine.parse(words, Set.of("public-key"), Set.of());
        if (line.positional().size() != 3) {
            throw new CommandLine.UsageError("secret-receipt takes an export file, a proposal id and the receipt secret (or -)");
        }
        Path export = Path.of(line.positional().get(0));
        String proposalId = line.positional().get(1);
        String secret = line.positional().get(2);
        if ("-".equals(secret)) {
            String read = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            secret = read == null ? "" : read.strip();
        }
        if (!ReceiptTags.isWellFormedSecret(secret)) {
            throw new CommandLine.UsageError("a receipt secret is 22 to 128 characters of A-Z, a-z, 0-9, '-' and '_'");
        }
        byte[] key = line.option("public-key") == null ? null : PublicKeyFile.read(Path.of(line.option("public-key")));
        ExportVerifier verifier = new ExportVerifier(key);
        ExportVerifier.Report report = VerifyCommand.verify(verifier, export, err);
        VerifyCommand.print(export, key != null, report, out);
        if (!report.ok()) {
            out.println("no receipt check: the export does not hold");
            return 1;
        }
        DecisionReplay replay = verifier.replayOf(proposalId).orElseThrow(() -> new CommandLine.UsageError(
                "the export has no vote of proposal '" + proposalId + "'"));
        if (!replay.secret() || replay.recordedClose() == null) {
            throw new CommandLine.UsageError("proposal '" + proposalId + "' is no closed secret vote in this export");
        }
        String tag = ReceiptTags.tag(new ProposalId(proposalId), secret);
        List<RevealedBallot> mine = replay.revealedBallots().stream().filter(b -> b.tag().equals(tag)).toList();
        out.println("receipt tag: " + tag);
        if (mine.isEmpty()) {
            out.println("NOT FOUND: no revealed ballot of this vote carries this receipt's tag");
            return 1;
        }
        RevealedBallot ballot = mine.get(0);
        out.println("found: " + describe(ballot) + " (class " + ballot.classId() + ", power " + ballot.power().toPlainString() + ")");
        out.println("OK: your ballot is among the " + replay.revealedBallots().size()
                + " revealed ones, and the re-count of them gives the recorded result");
        return 0;
    }

    private static String describe(RevealedBallot b) {
        String body = b.asBallotOf(new ProposalId("offline"), new coop.plenum.governance.ids.MemberId("you")).summary();
        return body != null ? body : String.valueOf(b.choice());
    }
}
