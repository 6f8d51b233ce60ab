package coop.plenum.web;

import coop.plenum.governance.audit.offline.WhatIfRules;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The what-if form as typed: a blank field keeps the rule pinned when voting opened. Field names are those
 * {@link WhatIfRules} names in its refusals ({@code classes.workers.weight}), so a refusal marks the right field.
 */
record WhatIfDraft(Map<String, String> fields) {

    static final WhatIfDraft EMPTY = new WhatIfDraft(Map.of());
    private static final Pattern CLASS_FIELD = Pattern.compile("classes\\.(.{1,100})\\.(weight|quorum)");

    static WhatIfDraft of(MultiValueMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!"_csrf".equals(name) && !values.isEmpty() && values.get(0) != null && fields.size() < 100) {
                String shown = FormText.shown(values.get(0)).strip();
                fields.put(name, shown.length() > 100 ? shown.substring(0, 100) : shown);
            }
        });
        return new WhatIfDraft(Map.copyOf(fields));
    }

    // public for the template
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    WhatIfRules rules() {
        List<Violation> violations = new ArrayList<>();
        Threshold threshold = choice("threshold", Threshold.class, violations);
        ClassRule classRule = choice("classRule", ClassRule.class, violations);
        Boolean delegation = switch (get("delegation")) {
            case "" -> null;
            case "on" -> true;
            case "off" -> false;
            default -> {
                violations.add(new Violation("delegation", "what-if.delegation-invalid", "delegation is on, off, or left as it was"));
                yield null;
            }
        };
        Integer maxChainLength = number("maxChainLength", violations);
        Map<String, Integer[]> typed = new LinkedHashMap<>();
        fields.keySet().stream().filter(name -> name.startsWith("classes.")).sorted().forEach(name -> {
            Matcher m = CLASS_FIELD.matcher(name);
            if (!m.matches()) {
                violations.add(new Violation(name, "what-if.field-unknown", name + " is not a field of this form"));
                return;
            }
            Integer value = number(name, violations);
            if (value != null) {
                typed.computeIfAbsent(m.group(1), id -> new Integer[2])[m.group(2).equals("weight") ? 0 : 1] = value;
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Map<String, WhatIfRules.ClassChange> classes = new LinkedHashMap<>();
        typed.forEach((id, wq) -> classes.put(id, new WhatIfRules.ClassChange(wq[0], wq[1])));
        return new WhatIfRules(threshold, classRule, classes, delegation, maxChainLength);
    }

    private <E extends Enum<E>> E choice(String field, Class<E> type, List<Violation> violations) {
        String value = get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "what-if." + field + "-invalid",
                    field + " is one of " + Arrays.toString(type.getEnumConstants()) + ", or left as it was"));
            return null;
        }
    }

    private Integer number(String field, List<Violation> violations) {
        String value = get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "what-if.number-invalid", field + " is a whole number, or blank to keep it as it was"));
            return null;
        }
    }
}
