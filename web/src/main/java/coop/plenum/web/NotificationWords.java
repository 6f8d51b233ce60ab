package coop.plenum.web;

import coop.plenum.governance.notification.NotificationView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A notification's title and text in the inbox reader's language (issue 14). The core stores each notification in
 * English and, since issue 14, with a code and its parameters; the page says the code's sentence from the bundles
 * ({@code notification.<code>.title} and {@code .text}), with dates in the reader's zone and numbers in their locale.
 * An entry stored before codes existed, or with a code the bundles do not know, is shown as stored. The same sentences
 * write each member's mail ({@link BundledNotificationSentences}).
 */
final class NotificationWords {

    /** What a page shows of one notification. */
    record Shown(String title, String text) {
    }

    /**
     * How each code's parameters are read, one letter per parameter: t as written, n a number, i an instant,
     * u "until" an instant (or until a secretary closes the vote), c "until" an instant (or until voting closes),
     * r "voting closes" an instant (or nothing), b a ballot in brackets (or nothing, when hidden), o an outcome,
     * a an approval, w the winners (or nothing), s a delegation's scope, k a role.
     */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("admitted", "t"),
            Map.entry("admitted-by-decision", "t"),
            Map.entry("suspended", ""),
            Map.entry("role-granted", "k"),
            Map.entry("vote-opened", "tun"),
            Map.entry("delegate-voted", "ttbnc"),
            Map.entry("decision-made", "toaw"),
            Map.entry("comment", "ttt"),
            Map.entry("delegated-to-you", "ts"),
            Map.entry("no-longer-delegates", "ts"),
            Map.entry("evaluation-awaited", "tnttti"),
            Map.entry("revenue-allocated", "ttnn"),
            Map.entry("closing-soon", "ti"),
            Map.entry("quorum-short", "ttnntni"),
            Map.entry("vote-reminder", "tr"));

    private NotificationWords() {
    }

    static Shown of(NotificationView n, Words words, Figures fig, ZoneId zone) {
        Shown said = say(n.code(), n.params(), words, fig, zone);
        return said != null ? said : new Shown(n.title(), n.text());
    }

    /** The sentence of {@code code} with {@code params} in these words, or null when the bundles cannot say it. */
    static Shown say(String code, List<String> params, Words words, Figures fig, ZoneId zone) {
        String tags = code == null ? null : PARAMETERS.get(code);
        String key = "notification." + code;
        if (tags == null || params == null || params.size() != tags.length() || !words.has(key + ".title")) {
            return null;
        }
        DateTimeFormatter when = words.dates("dateTime", zone);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < tags.length(); i++) {
            args.add(read(tags.charAt(i), params.get(i), words, fig, when));
        }
        Object[] values = args.toArray();
        return new Shown(words.say(key + ".title", values), words.say(key + ".text", values));
    }

    /**
     * A parameter in the reader's words. Parameters come from stored notifications, which outlive this code: one that
     * cannot be read as its tag says (a number, an instant) is shown as written rather than failing the whole inbox.
     */
    private static String read(char tag, String value, Words words, Figures fig, DateTimeFormatter when) {
        try {
            return readAs(tag, value, words, fig, when);
        } catch (RuntimeException unreadable) {
            return value == null ? "" : value;
        }
    }

    private static String readAs(char tag, String value, Words words, Figures fig, DateTimeFormatter when) {
        boolean blank = value == null || value.isBlank();
        return switch (tag) {
            case 'n' -> blank ? "" : number(value, fig);
            case 'i' -> blank ? "" : when.format(Instant.parse(value));
            case 'u' -> blank ? words.say("notification.until.secretary") : words.say("notification.until", when.format(Instant.parse(value)));
            case 'c' -> blank ? words.say("notification.until.close") : words.say("notification.until", when.format(Instant.parse(value)));
            case 'r' -> blank ? "" : " " + words.say("notification.closes", when.format(Instant.parse(value)));
            case 'b' -> blank ? "" : " (" + words.sayOr(value, "choice." + value) + ")";
            case 'o' -> blank ? words.say("notification.outcome.closed") : words.sayOr(value, "outcome." + value);
            case 'a' -> blank ? "" : " " + words.say("notification.approval", fig.percent(value));
            case 'w' -> blank ? "" : words.say("notification.winning", value);
            case 's' -> blank ? words.say("notification.scope.global") : words.say("notification.scope.topic", value);
            case 'k' -> words.sayOr(value, "role." + value);
            default -> blank ? "" : value;
        };
    }

    /** A plain number in the reader's locale; a value that is not a number is shown as it is. */
    private static String number(String value, Figures fig) {
        try {
            return fig.number(new BigDecimal(value));
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }
}
