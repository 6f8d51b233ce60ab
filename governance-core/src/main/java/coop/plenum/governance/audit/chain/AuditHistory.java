package coop.plenum.governance.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cooperative's history as an auditor reads it: its chained events in chain order, a bounded page at a time,
 * filtered by kind, by who is involved, by proposal and by time, each with who acted and its event hash; and one
 * proposal's voting events, to step a tally through its ballots. Reads the chain and the log's rows as stored (no
 * serializer), one page per query, so a history of a million events costs what one page costs.
 */
@Component
public class AuditHistory {

    /** The most entries one page holds. */
    public static final int MAX_PAGE_SIZE = 200;
    /** A kind is an event's simple class name ({@code BallotCast}): letters and digits only, so it is safe in LIKE. */
    public static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
    /**
     * The voting events of a proposal, in the order the tally steps through them: a secret vote's sealed ballots and
     * retractions (who took part, never a choice) and, at close, its revealed anonymous ballots.
     */
    public static final List<String> VOTING_KINDS = List.of("VotingOpened", "BallotCast", "BallotRetracted",
            "SecretBallotCast", "SecretBallotRetracted", "SecretBallotsRevealed", "VotingClosed");
    private static final String REVEALED = "SecretBallotsRevealed";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads a revealed ballot as stored; fields added later (none yet) would not make the step unreadable. */
    private static final ObjectMapper BALLOTS = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final HexFormat HEX = HexFormat.of();
    /** The stored timestamp's first 19 characters, {@code yyyy-MM-ddTHH:mm:ss}, order as the instants do. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final Checkpoints checkpoints;

    AuditHistory(JdbcTemplate jdbc, AuditChainer chainer, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.checkpoints = checkpoints;
    }

    /**
     * What to show. {@code kind}: a simple event type name; {@code mentions}: ids of which one must appear in the
     * event's metadata (as the actor) or payload (a member id, an account id); {@code aggregateIdentifier}: one
     * aggregate's events (a proposal's); {@code from} inclusive, {@code before} exclusive, to the second. Null: any.
     */
    public record Filter(String kind, Set<String> mentions, String aggregateIdentifier, Instant from, Instant before) {

        public static final Filter NONE = new Filter(null, Set.of(), null, null, null);

        public Filter {
            if (kind != null && !KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("a kind is an event's simple class name");
            }
            mentions = mentions == null ? Set.of() : Set.copyOf(mentions);
        }
    }

    /** One event as the timeline shows it. {@code actor} is an account id (or {@code system}); absent parts are null. */
    public record Entry(long index, long position, String timestamp, String type, String kind, String aggregateType,
                        String aggregateIdentifier, long sequenceNumber, String actor, String actorName, String memberId,
                        String eventHash) {
    }

    /** A page of the timeline, and whether filtered entries lie before and after it. */
    public record Page(List<Entry> entries, boolean hasEarlier, boolean hasLater, long chainLength) {
    }

    /**
     * A page of up to {@code size} entries: the first ones after chain index {@code after}, or, with {@code before}
     * given, the last ones before it (both null: from the start).
     */
    public Page page(String cooperativeId, Filter filter, Long after, Long before, int size) {
        int limit = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        chainer.chainNow();
        boolean backwards = before != null;
        List<Object> args = new ArrayList<>();
        StringBuilder where = where(cooperativeId, filter, args);
        List<Object> pageArgs = new ArrayList<>(args);
        String bound;
        if (backwards) {
            bound = " and l.chain_index < ?";
            pageArgs.add(before);
        } else {
            bound = after == null ? "" : " and l.chain_index > ?";
            if (after != null) {
                pageArgs.add(after);
            }
        }
        pageArgs.add(limit + 1);
        List<Entry> rows = new ArrayList<>(jdbc.query("select l.chain_index, l.position, l.aggregate_identifier, l.sequence_number, "
                        + "l.event_hash, d.payloadtype, d.timestamp, d.type, d.metadata, d.payload "
                        + "from audit_chain_link l left join domainevententry d on d.globalindex = l.position "
                        + where + bound + " order by l.chain_index " + (backwards ? "desc" : "asc") + " limit ?",
                (rs, n) -> entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBytes(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)), pageArgs.toArray()));
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean earlier;
        boolean later;
        if (backwards) {
            earlier = more;
            later = !rows.isEmpty() ? exists(where, args, " and l.chain_index > ?", rows.get(rows.size() - 1).index())
                    : exists(where, args, " and l.chain_index >= ?", before);
        } else {
            later = more;
            earlier = after != null && (!rows.isEmpty() ? exists(where, args, " and l.chain_index < ?", rows.get(0).index())
                    : exists(where, args, " and l.chain_index <= ?", after));
        }
        return new Page(named(rows), earlier, later, chainLength(cooperativeId));
    }

    /** How many events the cooperative's chain links. */
    public long chainLength(String cooperativeId) {
        return jdbc.query("select length from audit_chain_head where cooperative_id = ?", (rs, n) -> rs.getLong(1), cooperativeId)
                .stream().findFirst().orElse(0L);
    }

    /** The latest signed checkpoint of the cooperative's chain, as an auditor copies it. */
    public Optional<AuditVerifier.CheckpointView> latestCheckpoint(String cooperativeId) {
        chainer.chainNow();
        return checkpoints.latest(cooperativeId).map(AuditVerifier.CheckpointView::of);
    }

    /**
     * One voting event of a proposal: the opening, a ballot cast or retracted (whose, which choice; a secret ballot:
     * whose only), a page of a secret vote's revealed ballots ({@code revealed}, null for every other kind), the
     * closing; {@code at} is the instant the event names (when the ballot was cast), which the tally as of an instant
     * counts by. A revealed page names no instant: it was recorded by the closing command, so its instant is the
     * closing's.
     */
    public record VotingStep(int number, long position, long sequenceNumber, String kind, Instant at, String memberId,
                             String choice, Revealed revealed) {
    }

    /**
     * A page of a secret vote's revealed ballots as the log holds it: anonymous, in receipt-tag order. {@code ballots}
     * is empty if the stored payload no longer reads as ballots (a tampered row: the verification names it).
     */
    public record Revealed(int page, int pages, List<coop.plenum.governance.proposal.RevealedBallot> ballots) {
    }

    /** How many voting events the proposal has. */
    public int votingStepCount(String proposalId) {
        Integer n = jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and " + votingKinds(),
                Integer.class, proposalId);
        return n == null ? 0 : n;
    }

    /**
     * How many of the proposal's voting events happened at or before {@code asOf} (the log keeps times to the
     * millisecond, as fixed-width ISO-8601 text, which compares as the instants do). From the instant the close names
     * on, all of them: the closing command takes that instant as it begins, and the events it records (a secret vote's
     * revealed pages, then VotingClosed) are stored with the later moment they were written, by which the tally as of
     * that instant already counts the vote closed.
     */
    public int votingStepsUpTo(String proposalId, Instant asOf) {
        Instant closedAt = closedAt(proposalId);
        if (closedAt != null && !asOf.isBefore(closedAt)) {
            return votingStepCount(proposalId);
        }
        Integer n = jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and " + votingKinds()
                + " and timestamp <= ?", Integer.class, proposalId, MILLIS.format(asOf));
        return n == null ? 0 : n;
    }

    /** The proposal's voting events from step {@code first} (0: the opening), at most {@code limit} of them. */
    public List<VotingStep> votingSteps(String proposalId, int first, int limit) {
        int start = Math.max(0, first);
        List<VotingStep> steps = new ArrayList<>();
        Instant[] closedAt = new Instant[1];
        jdbc.query("select globalindex, sequencenumber, payloadtype, timestamp, payload from domainevententry "
                        + "where aggregateidentifier = ? and " + votingKinds() + " order by sequencenumber offset ? limit ?",
                rs -> {
                    JsonNode payload = tree(rs.getBytes(5));
                    String kind = simpleName(rs.getString(3));
                    Revealed revealed = null;
                    // the instant the event itself names is the one the tally's read model steps by
                    Instant at = payloadInstant(payload);
                    if (REVEALED.equals(kind)) {
                        revealed = revealed(payload);
                        if (closedAt[0] == null) {
                            closedAt[0] = closedAt(proposalId);
                        }
                        at = closedAt[0];
                    }
                    if (at == null) {
                        at = instant(rs.getString(4));
                    }
                    if (at != null) {
                        steps.add(new VotingStep(start + steps.size(), rs.getLong(1), rs.getLong(2), kind, at,
                                text(payload, "memberId"), text(payload, "choice"), revealed));
                    }
                }, proposalId, start, Math.max(1, Math.min(MAX_PAGE_SIZE, limit)));
        return steps;
    }

    /** The instant the proposal's VotingClosed names, or null (none, or unreadable). */
    private Instant closedAt(String proposalId) {
        return jdbc.query("select payload from domainevententry where aggregateidentifier = ? and payloadtype like '%.VotingClosed' "
                        + "order by sequencenumber limit 1", (rs, n) -> payloadInstant(tree(rs.getBytes(1))), proposalId)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Revealed revealed(JsonNode payload) {
        if (payload == null) {
            return new Revealed(0, 0, List.of());
        }
        List<coop.plenum.governance.proposal.RevealedBallot> ballots = new ArrayList<>();
        try {
            for (JsonNode ballot : payload.path("ballots")) {
                ballots.add(BALLOTS.treeToValue(ballot, coop.plenum.governance.proposal.RevealedBallot.class));
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            ballots.clear();
        }
        return new Revealed(payload.path("page").asInt(), payload.path("pages").asInt(), List.copyOf(ballots));
    }

    private static String votingKinds() {
        return "(" + String.join(" or ", VOTING_KINDS.stream().map(k -> "payloadtype like '%." + k + "'").toList()) + ")";
    }

    private StringBuilder where(String cooperativeId, Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" where l.cooperative_id = ?");
        args.add(cooperativeId);
        if (filter.kind() != null) {
            where.append(" and d.payloadtype like ?");
            args.add("%." + filter.kind());
        }
        if (filter.aggregateIdentifier() != null) {
            where.append(" and l.aggregate_identifier = ?");
            args.add(filter.aggregateIdentifier());
        }
        if (!filter.mentions().isEmpty()) {
            // ids are searched in the stored bytes, so a row whose bytes are not UTF-8 (a tampered one) is read, not refused
            List<String> any = new ArrayList<>();
            for (String id : filter.mentions()) {
                any.add("position(?::bytea in d.metadata) > 0 or position(?::bytea in d.payload) > 0");
                byte[] bytes = ("\"" + id + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                args.add(bytes);
                args.add(bytes);
            }
            where.append(" and (").append(String.join(" or ", any)).append(")");
        }
        // the stored timestamp is ISO-8601 text: its first 19 characters compare as the instants do, and a row
        // whose text was tampered with is compared, not cast (a cast could fail the whole page)
        if (filter.from() != null) {
            where.append(" and left(d.timestamp, 19) >= ?");
            args.add(SECONDS.format(filter.from().truncatedTo(ChronoUnit.SECONDS)));
        }
        if (filter.before() != null) {
            where.append(" and left(d.timestamp, 19) < ?");
            args.add(SECONDS.format(filter.before().truncatedTo(ChronoUnit.SECONDS)));
        }
        return where;
    }

    private boolean exists(StringBuilder where, List<Object> args, String bound, long index) {
        List<Object> all = new ArrayList<>(args);
        all.add(index);
        return !jdbc.query("select 1 from audit_chain_link l left join domainevententry d on d.globalindex = l.position "
                + where + bound + " limit 1", (rs, n) -> 1, all.toArray()).isEmpty();
    }

    private static Entry entry(long index, long position, String aggregate, long sequence, byte[] hash, String type,
                               String timestamp, String aggregateType, byte[] metadata, byte[] payload) {
        return new Entry(index, position, timestamp, type, simpleName(type), aggregateType, aggregate, sequence,
                text(tree(metadata), "actor"), null, text(tree(payload), "memberId"), hash == null ? null : HEX.formatHex(hash));
    }

    /** The entries with their actors' display names, read in one query for the page. */
    private List<Entry> named(List<Entry> rows) {
        Set<String> actors = new LinkedHashSet<>();
        rows.stream().map(Entry::actor).filter(a -> a != null && a.length() <= 64).forEach(actors::add);
        Map<String, String> names = new HashMap<>();
        if (!actors.isEmpty()) {
            jdbc.query("select account_id, display_name from plenum_account_login where account_id in ("
                            + String.join(",", Collections.nCopies(actors.size(), "?")) + ")",
                    rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, actors.toArray());
        }
        return rows.stream().map(e -> new Entry(e.index(), e.position(), e.timestamp(), e.type(), e.kind(), e.aggregateType(),
                e.aggregateIdentifier(), e.sequenceNumber(), e.actor(), names.get(e.actor()), e.memberId(), e.eventHash())).toList();
    }

    static String simpleName(String type) {
        if (type == null) {
            return null;
        }
        int dot = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
        return type.substring(dot + 1);
    }

    /** The stored JSON, or null if the bytes are not JSON (only a tampered row has such bytes). */
    private static JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.path(field).isTextual()) {
            return null;
        }
        return node.path(field).asText();
    }

    private static Instant payloadInstant(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        for (String field : List.of("castAt", "retractedAt", "openedAt", "closedAt")) {
            JsonNode value = payload.path(field);
            if (value.isTextual()) {
                return instant(value.asText());
            }
            if (value.isNumber()) {
                // Jackson's numeric form: seconds, with the nanoseconds as the fraction
                java.math.BigDecimal seconds = value.decimalValue();
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.subtract(new java.math.BigDecimal(seconds.longValue())).movePointRight(9).longValue());
            }
        }
        return null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
