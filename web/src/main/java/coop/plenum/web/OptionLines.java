package coop.plenum.web;

import coop.plenum.governance.options.ProposalOption;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The new-proposal form's options: one label per line, each given an id derived from its label ("Wind turbine" →
 * {@code wind-turbine}), the same for the same lines every time, so the form can show the ids before anything is
 * stored. Blank lines are skipped; how many options and how long a label may be, the command decides, as for the API.
 */
final class OptionLines {

    /** Leaves room for a "-50" that keeps a repeated label's id unique within the 40 characters an id may have. */
    private static final int STEM = 36;

    private OptionLines() {
    }

    static List<ProposalOption> read(String typed) {
        List<ProposalOption> options = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (typed == null) {
            return options;
        }
        for (String line : typed.split("\r?\n|\r")) {
            String label = line.strip();
            if (label.isEmpty()) {
                continue;
            }
            String stem = stem(label, options.size() + 1);
            String id = stem;
            for (int n = 2; !taken.add(id); n++) {
                id = stem + "-" + n;
            }
            options.add(new ProposalOption(id, label));
        }
        return options;
    }

    /**
     * A BUDGET proposal's projects: one per line, {@code label; cost} ("Community garden; 1200.50"), the cost after the
     * last ';'. The ids come from the labels alone, as for other options. A cost that is no number is named
     * ({@code options[i].cost}); a line without one has none, which the command refuses.
     */
    static List<ProposalOption> readWithCosts(String typed, List<coop.plenum.kernel.Violation> violations) {
        List<ProposalOption> projects = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (typed == null) {
            return projects;
        }
        for (String line : typed.split("\r?\n|\r")) {
            if (line.isBlank()) {
                continue;
            }
            int at = line.lastIndexOf(';');
            String label = (at < 0 ? line : line.substring(0, at)).strip();
            java.math.BigDecimal cost = null;
            if (at >= 0) {
                cost = amount(line.substring(at + 1));
                if (cost == null) {
                    violations.add(new coop.plenum.kernel.Violation("options[" + projects.size() + "].cost",
                            "proposal.cost-invalid", "a project's cost is a number after a ';', such as \"Garden; 1200\""));
                }
            }
            String stem = stem(label, projects.size() + 1);
            String id = stem;
            for (int n = 2; !taken.add(id); n++) {
                id = stem + "-" + n;
            }
            projects.add(new ProposalOption(id, label, cost));
        }
        return projects;
    }

    /** A typed amount ("1200", "1 200,50" is not one): a plain decimal number, or null when it is none. */
    static java.math.BigDecimal amount(String typed) {
        String plain = typed == null ? "" : typed.strip();
        if (!plain.matches("-?[0-9]{1,20}(\\.[0-9]{1,20})?")) {
            return null;
        }
        return new java.math.BigDecimal(plain);
    }

    /** Lower-case letters and digits of the label, accents dropped, anything else one '-'; "option-N" if none is left. */
    private static String stem(String label, int position) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String id = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (id.length() > STEM) {
            id = id.substring(0, STEM);
        }
        id = id.replaceAll("-+$", "");
        return id.isEmpty() ? "option-" + position : id;
    }
}
