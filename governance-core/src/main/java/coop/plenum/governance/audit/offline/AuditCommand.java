package coop.plenum.governance.audit.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code java -jar plenum.jar audit …}: checks an audit export, a receipt, or re-tallies a closed vote under other
 * rules, offline, with no server and no database. Exit codes: 0 everything holds, 1 the history or receipt does
 * not hold, 2 a usage or file error.
 */
public final class AuditCommand {

    static final String USAGE = """
            usage: plenum audit verify EXPORT.ndjson [--public-key FILE]
                   plenum audit receipt RECEIPT.json --public-key FILE
                   plenum audit receipt EXPORT.ndjson RECEIPT.json [--public-key FILE]
                   plenum audit what-if EXPORT.ndjson PROPOSAL [--threshold SIMPLE_MAJORITY|TWO_THIRDS]
                         [--class-rule WEIGHTED|EVERY_CLASS] [--weight CLASS=PERCENT]... [--quorum CLASS=PERCENT]...
                         [--delegation on|off] [--max-chain-length N] [--public-key FILE]
                   plenum audit secret-receipt EXPORT.ndjson PROPOSAL SECRET|- [--public-key FILE]
            The key FILE holds the raw Ed25519 public key (base64 or hex) or the JSON of GET /api/v1/audit/public-key.""";

    private AuditCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.size() >= 2 ? args.get(1) : "";
        List<String> rest = args.size() > 2 ? args.subList(2, args.size()) : List.of();
        try {
            return switch (command) {
                case "verify" -> VerifyCommand.run(rest, out, err);
                case "receipt" -> ReceiptCommand.run(rest, out, err);
                case "what-if" -> WhatIfCommand.run(rest, out, err);
                case "secret-receipt" -> SecretReceiptCommand.run(rest, out, err, System.in);
                default -> throw new CommandLine.UsageError(command.isEmpty() ? "name a command" : "unknown command '" + command + "'");
            };
        } catch (CommandLine.UsageError e) {
            err.println("plenum audit: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("plenum audit: " + e.getMessage());
            return 2;
        }
    }
}
