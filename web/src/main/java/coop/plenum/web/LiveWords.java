package coop.plenum.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the live-tally scripts write (tally.js, hidden-tally.js) in the page's language (issue 14), as one JSON
 * object the page puts in a {@code data-words} attribute: there is no front-end build to translate the scripts, so
 * they take their strings from the bundles through the page. Patterns keep their {0} and {1} for the script to fill.
 */
final class LiveWords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTCOMES = List.of("ACCEPTED", "REJECTED", "NO_QUORUM", "TIE");
    private static final List<String> STATES = List.of("DELIBERATION", "VOTING", "CLOSED", "EXECUTED", "WITHDRAWN", "REJECTED",
            "ACCEPTED");

    private LiveWords() {
    }

    static String json(Words words) {
        Map<String, Object> said = new LinkedHashMap<>();
        said.put("met", words.say("tally.met"));
        said.put("notYet", words.say("tally.notYet"));
        said.put("undecided", words.say("tally.undecided"));
        said.put("outcomeLine", words.say("tally.outcomeLine", "{0}"));
        said.put("outcomeWithApproval", words.say("tally.outcomeWithApproval", "{0}", "{1}"));
        said.put("exactly", words.say("figures.exactly", "{0}"));
        Map<String, String> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> outcomes.put(o, words.say("outcome." + o)));
        said.put("outcome", outcomes);
        Map<String, String> states = new LinkedHashMap<>();
        STATES.forEach(s -> states.put(s, words.sayOr(s.toLowerCase(java.util.Locale.ROOT), "state." + s)));
        said.put("state", states);
        try {
            return JSON.writeValueAsString(said);
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
