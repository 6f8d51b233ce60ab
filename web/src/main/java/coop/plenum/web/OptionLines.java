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
