package coop.plenum.governance.audit.offline;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.tally.ClassTally;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.StateConflict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code audit what-if EXPORT.ndjson PROPOSAL [rules]}: the export is verified first (a re-tally of a history that
 * does not hold would mean nothing), then the proposal's closed vote is re-tallied from its own events under the
 * given rules with the code the server's {@code POST …/what-if} uses, so both give the same answer. Hypothetical:
 * it changes nothing anywhere.
 */
final class WhatIfCommand {

    private static final Set<String> OPTIONS = Set.of("public-key", "threshold", "class-rule", "weight", "quorum",
            "delegation", "max-chain-length");

    private WhatIfCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(words, OPTIONS, Set.of("weight", "quorum"));
        if (line.positional().size() != 2) {
            throw new CommandLine.UsageError("what-if takes an export file and a proposal id");
        }
        Path export = Path.of(line.positional().get(0));
        String proposalId = line.positional().get(1);
        WhatIfRules rules = rules(line);
        byte[] key = line.option("public-key") == null ? null : PublicKeyFile.read(Path.of(line.option("public-key")));
        ExportVerifier verifier = new ExportVerifier(key);
        ExportVerifier.Report report = VerifyCommand.verify(verifier, export, err);
        if (!report.ok()) {
            VerifyCommand.print(export, key != null, report, out);
            out.println("no re-tally: the export does not hold");
            return 1;
        }
        DecisionReplay replay = verifier.replayOf(proposalId).orElseThrow(() -> new CommandLine.UsageError(
                "the export has no vote of proposal '" + proposalId + "'"));
        DecisionReplay.Hypothesis result;
        try {
            result = replay.whatIf(rules);
        } catch (InvalidInput e) {
            e.violations().forEach(v -> err.println("plenum audit: " + option(v.field()) + ": " + v.message()));
            return 2;
        } catch (StateConflict e) {
            err.println("plenum audit: " + e.getMessage());
            return 2;
        }
        print(export, proposalId, key != null, report, result, out);
        return 0;
    }

    private static WhatIfRules rules(CommandLine line) {
        Threshold threshold = choice(line.option("threshold"), Threshold.class, "--threshold");
        ClassRule classRule = choice(line.option("class-rule"), ClassRule.class, "--class-rule");
        Map<String, Integer> weights = percents(line.all("weight"), "--weight");
        Map<String, Integer> quorums = percents(line.all("quorum"), "--quorum");
        Map<String, WhatIfRules.ClassChange> classes = new LinkedHashMap<>();
        weights.keySet().forEach(id -> classes.put(id, null));
        quorums.keySet().forEach(id -> classes.put(id, null));
        classes.replaceAll((id, none) -> new WhatIfRules.ClassChange(weights.get(id), quorums.get(id)));
        Boolean delegation = switch (line.option("delegation") == null ? "" : line.option("delegation")) {
            case "" -> null;
            case "on" -> true;
            case "off" -> false;
            default -> throw new CommandLine.UsageError("--delegation is on or off");
        };
        Integer maxChainLength = line.option("max-chain-length") == null ? null
                : number(line.option("max-chain-length"), "--max-chain-length");
        return new WhatIfRules(threshold, classRule, classes, delegation, maxChainLength);
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String option) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageError(option + " is one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Map<String, Integer> percents(List<String> values, String option) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0 || result.containsKey(value.substring(0, equals))) {
                throw new CommandLine.UsageError(option + " is CLASS=PERCENT, once per class (got '" + value + "')");
            }
            result.put(value.substring(0, equals), number(value.substring(equals + 1), option));
        }
        return result;
    }

    private static int number(String value, String option) {
        if (!value.matches("-?[0-9]{1,9}")) {
            throw new CommandLine.UsageError(option + " needs a whole number (got '" + value + "')");
        }
        return Integer.parseInt(value);
    }

    private static String option(String field) {
        return switch (field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field) {
            case "weight" -> "--weight " + field.split("\\.")[1];
            case "quorum" -> "--quorum " + field.split("\\.")[1];
            case "maxChainLength" -> "--max-chain-length";
            case "classes" -> "--weight";
            default -> field;
        };
    }

    private static void print(Path export, String proposalId, boolean trustedKey, ExportVerifier.Report report,
                              DecisionReplay.Hypothesis result, PrintStream out) {
        out.printf("HYPOTHETICAL re-tally of proposal %s: nothing is stored, the recorded decision stands%n", proposalId);
        out.printf("%-22s %s (verified: %,d events, %,d checkpoints, signatures checked with %s)%n", "export", export,
                report.eventsChecked(), report.checkpointsChecked(), trustedKey ? "the given public key" : "the export's own key");
        Integer longest = result.delegation().maxChainLength();
        out.printf("%-22s threshold %s, class rule %s, delegation %s%n", "rules", result.decision().threshold(),
                result.decision().classRule(), Boolean.TRUE.equals(result.delegation().enabled())
                        ? "on (longest chain " + (longest == null || longest == 0 ? "unlimited" : longest) + ")" : "off");
        for (StakeholderClass c : result.classes()) {
            out.printf("  %-20s weight %d %%, quorum %d %%%n", "class " + c.id(), c.weight(), c.quorum());
        }
        out.printf("%-22s %s, approval %s (exact)%n", "recorded", result.recorded().outcome(), result.recorded().approval());
        Ratio approval = result.tally().approval();
        out.printf("%-22s %s, approval %s%s%n", "under these rules", result.tally().outcome(), ratio(approval),
                approval == null ? "" : " (exactly " + approval + ")");
        for (ClassTally c : result.tally().classes()) {
            out.printf("  %-20s yes %s, no %s, abstain %s of %s; participation %s, approval %s, quorum %s%n", "class " + c.classId(),
                    c.yes().toPlainString(), c.no().toPlainString(), c.abstain().toPlainString(), c.electoratePower().toPlainString(),
                    ratio(c.participation()), ratio(c.approval()), c.quorumMet() ? "met" : "NOT met");
        }
    }

    private static String ratio(Ratio value) {
        return value == null ? "-" : value.toDecimalString(Ratio.DISPLAY_SCALE);
    }
}
