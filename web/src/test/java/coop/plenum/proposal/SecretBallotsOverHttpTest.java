package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.audit.offline.AuditCommand;
import coop.plenum.governance.audit.offline.DecisionReplay;
import coop.plenum.governance.audit.offline.ExportVerifier;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.proposal.secret.SealedBallots;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SPEC "Voting methods", {@code secrecy: SECRET}, on the booted application with its real PostgreSQL log: who took part
 * is public, what each member chose is never stored in clear and, once the vote closed, nothing stored links a member
 * to a choice; the closed tally is re-counted offline from the revealed ballots, and each voter finds theirs by the
 * tag of the receipt secret they were handed once.
 */
class SecretBallotsOverHttpTest extends BootedPlenum {

    private Cooperators steps;
    @org.springframework.beans.factory.annotation.Autowired
    private com.mongodb.client.MongoClient mongo;
    @org.springframework.beans.factory.annotation.Autowired
    private coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase readModels;
    private String alice, bob, cara, dan, audra;   // alice (secretary), dan: workers; bob, cara: users; audra: auditor
    private String aliceA, bobA, caraA, danA;
    private String aliceM, bobM, caraM, danM;
    private String coop;

    @BeforeEach
    void aCooperativeOfFourWithDelegationOnAndAnAuditor() {
        steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        cara = unique("cara");
        dan = unique("dan");
        audra = unique("audra");
        aliceA = createAccount(alice, "Alice");
        bobA = createAccount(bob, "Bob");
        caraA = createAccount(cara, "Cara");
        danA = createAccount(dan, "Dan");
        String au = createAccount(audra, "Audra");
        coop = foundCooperative("""
                {"name": "Secret",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["energy"],
                             "delegation": {"enabled": true, "maxChainLength": 3}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"},
                              {"accountId": "%s", "classId": "users"}, {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(aliceA, bobA, caraA, danA, aliceA));
        steps.setRoles(alice, coop, au, "[\"AUDITOR\"]");
        aliceM = steps.memberIdOf(alice, coop, aliceA);
        bobM = steps.memberIdOf(alice, coop, bobA);
        caraM = steps.memberIdOf(alice, coop, caraA);
        danM = steps.memberIdOf(alice, coop, danA);
    }

    private WebTestClient.ResponseSpec submit(String extra) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Admit the bakery\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"" + extra + "}")
                .exchange();
    }

    private String openSecretVote() {
        return openSecretVote("");
    }

    private String openSecretVote(String extra) {
        String p = submit(",\"secrecy\":\"SECRET\"" + extra).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        post(p, "opening");
        return p;
    }

    private void post(String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(alice))
                .exchange().expectStatus().isNoContent();
    }

    private JsonNode ballot(String who, String proposal, String member, String body) {
        return http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String who, String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(who)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private long keysOf(String proposal) {
        Long n = jdbc.queryForObject("select count(*) from plenum_secret_ballot_key where proposal_id = ?", Long.class, proposal);
        return n == null ? 0 : n;
    }

    /** One stored row: its type, its payload, its metadata. */
    private record Stored(String type, String payload, String metadata) {
        boolean contains(String text) {
            return type.contains(text) || payload.contains(text) || metadata.contains(text);
        }
    }

    /** Every stored byte that could hold a link: each event's payload and metadata, each snapshot, of the whole log. */
    private List<Stored> everyStoredEventAndSnapshot() {
        List<Stored> rows = new ArrayList<>();
        for (String table : List.of("domainevententry", "snapshotevententry")) {
            rows.addAll(jdbc.query("select payloadtype, convert_from(payload, 'UTF8'), coalesce(convert_from(metadata, 'UTF8'), '') "
                    + "from " + table, (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3))));
        }
        return rows;
    }

    /**
     * Every record of the other stores, as text: each document of every collection of the read-model database, and
     * each row of every PostgreSQL table but the log's own two (its bytea columns read as text, non-ASCII escaped).
     */
    private List<String> everyRecordOutsideTheLog() {
        List<String> records = new ArrayList<>();
        com.mongodb.client.MongoDatabase readModelDatabase = mongo.getDatabase(readModels.name());
        for (String collection : readModelDatabase.listCollectionNames()) {
            for (org.bson.Document document : readModelDatabase.getCollection(collection).find()) {
                records.add("mongo " + collection + ": " + document.toJson());
            }
        }
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).as("the other tables are there to be searched")
                .contains("plenum_secret_ballot_key", "scheduled_tasks", "dead_letter_entry", "plenum_notification_mail");
        for (String table : tables) {
            if (table.equals("domainevententry") || table.equals("snapshotevententry")) {
                continue;   // the log itself: searched byte by byte above
            }
            List<String> columns = new ArrayList<>();
            jdbc.query("select column_name, data_type from information_schema.columns where table_schema = current_schema() "
                    + "and table_name = ? order by ordinal_position", rs -> {
                String column = '"' + rs.getString(1) + '"';
                String type = rs.getString(2);
                assertThat(type).as(table + "." + column + ": a large object would escape the search").isNotEqualTo("oid");
                columns.add("bytea".equals(type) ? "coalesce(encode(" + column + ", 'escape'), '')" : "coalesce(" + column + "::text, '')");
            }, table);
            records.addAll(jdbc.queryForList("select 'postgresql " + table + ": ' || " + String.join(" || ' | ' || ", columns)
                    + " from \"" + table + "\"", String.class));
        }
        return records;
    }

    /**
     * The link itself, as a read model or a table would write it: a member or account id in the same JSON object as a
     * ballot's field (either way round), or as the key of a choice or of a ballot.
     */
    private static java.util.regex.Pattern memberNextToAChoice(String id) {
        String member = java.util.regex.Pattern.quote(id) + "\"";
        String field = "\"(choice|consent|reason|approve|scores|ranking)\"\\s*:";
        String choice = "\"(YES|NO|ABSTAIN|CONSENT|STAND_ASIDE|OBJECT)\"";
        return java.util.regex.Pattern.compile(member + "[^{}\\[\\]]{0,200}" + field + "|" + field + "[^{}\\[\\]]{0,200}" + member
                + "|" + member + "\\s*:\\s*" + choice + "|" + member + "\\s*:\\s*\\{[^{}]*" + field);
    }

    private record Receipt(String secret, String tag) {
    }

    private static Receipt receiptOf(JsonNode cast) {
        assertThat(cast.path("eventType").asText()).endsWith("SecretBallotCast");
        return new Receipt(cast.path("secretReceipt").path("secret").asText(), cast.path("secretReceipt").path("tag").asText());
    }

    @Test
    void aClosedSecretVoteLeavesNoStoredByteThatLinksAMemberToTheirChoiceAndEachVoterFindsTheirBallotByReceipt() {
        String p = openSecretVote();
        assertThat(keysOf(p)).as("the vote's key, outside the log, while it is open").isEqualTo(1);

        Map<String, Receipt> receipts = new LinkedHashMap<>();
        Map<String, String> lastChoice = new LinkedHashMap<>();
        ballot(alice, p, aliceM, "{\"choice\":\"NO\"}");
        receipts.put(aliceM, receiptOf(ballot(alice, p, aliceM, "{\"choice\":\"YES\"}")));   // recast: the last counts
        lastChoice.put(aliceM, "YES");
        // the first read of the open tally keeps the frozen electorate; later reads must still see who else took part
        java.math.BigDecimal takingPartEarly = participating(get(dan, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p));
        receipts.put(bobM, receiptOf(ballot(bob, p, bobM, "{\"choice\":\"ABSTAIN\"}")));
        lastChoice.put(bobM, "ABSTAIN");
        ballot(cara, p, caraM, "{\"choice\":\"YES\"}");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, caraM).headers(as(cara))
                .exchange().expectStatus().isNoContent();
        // cara brings her own receipt secret
        String caraSecret = "cara-own-receipt-secret-0123456789";
        JsonNode caraCast = ballot(cara, p, caraM, "{\"choice\":\"NO\",\"receiptSecret\":\"" + caraSecret + "\"}");
        receipts.put(caraM, receiptOf(caraCast));
        lastChoice.put(caraM, "NO");
        assertThat(receipts.get(caraM).secret()).isEqualTo(caraSecret);
        assertThat(receipts.get(caraM).tag()).isEqualTo(ReceiptTags.tag(new ProposalId(p), caraSecret));
        // dan does not vote

        // while open: participation only, no ballots, nothing revealed
        JsonNode tally = get(dan, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(tally.path("hidden").asText()).isEqualTo("AFTER_CLOSE");
        assertThat(participating(tally)).as("bob and cara took part after the first read").isGreaterThan(takingPartEarly);
        for (JsonNode c : tally.get("classes")) {
            assertThat(c.get("abstain").isNull()).isTrue();
            assertThat(c.get("yes").isNull()).isTrue();
        }
        JsonNode open = get(audra, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(open.path("secrecy").asText()).isEqualTo("SECRET");
        assertThat(open.path("ballots").isEmpty()).isTrue();
        List<String> tookPart = new ArrayList<>();
        open.path("secretParticipants").forEach(m -> tookPart.add(m.asText()));
        assertThat(tookPart).as("who took part is public").containsExactlyInAnyOrder(aliceM, bobM, caraM);
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/revealed-ballots", coop, p).headers(as(audra)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("ballot.secret-vote-open");

        post(p, "closing");
        assertThat(keysOf(p)).as("the key is destroyed with the close").isZero();

        // the revealed ballots: anonymous, sorted by tag, each voter's last ballot found by their receipt's tag
        JsonNode revealed = get(audra, "/api/v1/cooperatives/{c}/proposals/{p}/revealed-ballots", coop, p);
        assertThat(revealed.path("count").asInt()).isEqualTo(3);
        List<String> tags = new ArrayList<>();
        revealed.get("ballots").forEach(b -> tags.add(b.path("tag").asText()));
        assertThat(tags).isSorted();
        receipts.forEach((member, receipt) -> {
            String tag = ReceiptTags.tag(new ProposalId(p), receipt.secret());   // what the voter computes on their side
            assertThat(tag).isEqualTo(receipt.tag());
            JsonNode mine = null;
            for (JsonNode b : revealed.get("ballots")) {
                if (b.path("tag").asText().equals(tag)) {
                    mine = b;
                }
            }
            assertThat(mine).as("the ballot of " + member).isNotNull();
            assertThat(mine.path("choice").asText()).isEqualTo(lastChoice.get(member));
            assertThat(mine.toString()).doesNotContain(member);
        });
        JsonNode closed = get(dan, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(closed.has("hidden")).isFalse();
        assertThat(closed.path("outcome").asText()).isNotBlank();

        // every stored byte of the whole log and its snapshots
        List<Stored> stored = everyStoredEventAndSnapshot();
        List<String> ids = List.of(aliceM, bobM, caraM, danM, aliceA, bobA, caraA, danA);
        for (Map.Entry<String, Receipt> voter : receipts.entrySet()) {
            Receipt receipt = voter.getValue();
            assertThat(stored).as("a receipt secret is never stored").noneMatch(row -> row.contains(receipt.secret()));
            for (Stored row : stored) {
                if (row.contains(receipt.tag())) {
                    // only the anonymous reveal holds tags, in its payload: no member or account of the cooperative
                    // in it (its metadata names the secretary who closed the vote, and no tag)
                    assertThat(row.type()).endsWith(".SecretBallotsRevealed");
                    assertThat(row.metadata()).doesNotContain(receipt.tag());
                    ids.forEach(id -> assertThat(row.payload()).as("a revealed page names " + id).doesNotContain(id));
                }
            }
        }
        List<Map<String, Object>> sealedRows = jdbc.queryForList("select convert_from(payload, 'UTF8') as payload, payloadtype "
                + "from domainevententry where aggregateidentifier = ?", p);
        assertThat(sealedRows).as("no ballot in clear was ever recorded for this vote")
                .noneMatch(r -> r.get("payloadtype").toString().endsWith(".BallotCast"));
        List<byte[]> keysStillStored = jdbc.query("select vote_key from plenum_secret_ballot_key", (rs, i) -> rs.getBytes(1));
        List<Integer> lengths = new ArrayList<>();
        for (Map<String, Object> r : sealedRows) {
            if (!r.get("payloadtype").toString().endsWith(".SecretBallotCast")) {
                continue;
            }
            JsonNode cast = json(r.get("payload").toString());
            String sealed = cast.path("sealed").asText();
            MemberId member = new MemberId(cast.path("memberId").asText());
            lengths.add(sealed.length());
            // the sealed bytes hold no clear ballot: no JSON of it, no tag (a random base64 text may well spell "NO")
            String bytes = new String(java.util.Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain("\"choice\"").doesNotContain("\"tag\"");
            receipts.values().forEach(receipt -> assertThat(bytes).doesNotContain(receipt.tag()));
            for (byte[] key : keysStillStored) {
                assertThatThrownBy(() -> SealedBallots.open(key, new ProposalId(p), member, sealed))
                        .as("no key still stored opens a sealed ballot of the closed vote").isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(lengths).as("one length for every sealed ballot: the length tells no choice").hasSize(5).containsOnly(lengths.get(0));

        // every record of the read models and of the other tables: no secret, no tag next to a member, no member next
        // to a choice (the read models hold who took part, and the revealed pages hold anonymous ballots)
        List<String> elsewhere = everyRecordOutsideTheLog();
        assertThat(elsewhere).as("the revealed ballots reached the read models").anyMatch(r -> r.contains(receipts.get(aliceM).tag()));
        for (Receipt receipt : receipts.values()) {
            assertThat(elsewhere).as("a receipt secret is stored nowhere").noneMatch(r -> r.contains(receipt.secret()));
            elsewhere.stream().filter(r -> r.contains(receipt.tag())).forEach(r ->
                    ids.forEach(id -> assertThat(r).as("a record holding a tag names " + id).doesNotContain(id)));
        }
        for (String id : ids) {
            java.util.regex.Pattern link = memberNextToAChoice(id);
            assertThat(elsewhere).as("a record holds " + id + " next to a choice").noneMatch(r -> link.matcher(r).find());
        }
    }

    @Test
    void aClosedSecretConsentVoteLeavesNoRecordInAnyStoreThatPutsAMemberNextToTheirObjectionAndReCountsOffline()
            throws java.io.IOException {
        String p = openSecretVote(",\"method\":\"CONSENT\"");
        // each reason is unique, so wherever it is stored, whatever stands next to it can be looked at
        String withdrawn = "unique-withdrawn-objection-" + p;
        String standing = "unique-standing-objection-" + p;
        String retracted = "unique-retracted-objection-" + p;
        ballot(alice, p, aliceM, "{\"consent\":\"OBJECT\",\"reason\":\"" + withdrawn + "\"}");
        ballot(alice, p, aliceM, "{\"consent\":\"CONSENT\"}");
        String bobsTag = receiptOf(ballot(bob, p, bobM, "{\"consent\":\"OBJECT\",\"reason\":\"" + standing + "\"}")).tag();
        ballot(cara, p, caraM, "{\"consent\":\"STAND_ASIDE\"}");
        ballot(dan, p, danM, "{\"consent\":\"OBJECT\",\"reason\":\"" + retracted + "\"}");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, danM).headers(as(dan))
                .exchange().expectStatus().isNoContent();
        // only an objection carries a reason in a secret vote: revealed, a consent's own words could name its voter
        long before = eventsInTheLog();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, danM).headers(as(dan))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"consent\":\"CONSENT\",\"reason\":\"As the baker, fine\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
        assertThat(eventsInTheLog()).isEqualTo(before);
        post(p, "closing");

        JsonNode revealed = get(audra, "/api/v1/cooperatives/{c}/proposals/{p}/revealed-ballots", coop, p);
        assertThat(revealed.path("count").asInt()).isEqualTo(3);
        List<String> reasons = new ArrayList<>();
        revealed.get("ballots").forEach(b -> reasons.add(b.path("reason").asText(null)));
        assertThat(reasons).as("the standing objection's reason is revealed with it, anonymously").contains(standing);
        JsonNode tally = get(dan, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(tally.path("outcome").asText()).as("a standing objection blocks").isEqualTo("REJECTED");

        List<String> everywhere = new ArrayList<>(everyRecordOutsideTheLog());
        for (Stored row : everyStoredEventAndSnapshot()) {
            // an event's metadata names who sent its command (the reveal's: the secretary who closed), never a ballot
            assertThat(row.metadata()).doesNotContain(standing).doesNotContain(withdrawn).doesNotContain(retracted)
                    .doesNotContain(bobsTag);
            everywhere.add(row.type() + " | " + row.payload());
        }
        assertThat(everywhere).as("the revealed objection reached the read models").anyMatch(r -> r.startsWith("mongo") && r.contains(standing));
        assertThat(everywhere).as("an objection recast or retracted before close is stored nowhere in clear")
                .noneMatch(r -> r.contains(withdrawn) || r.contains(retracted));
        List<String> ids = List.of(aliceM, bobM, caraM, danM, aliceA, bobA, caraA, danA);
        everywhere.stream().filter(r -> r.contains(standing) || r.contains(bobsTag)).forEach(r ->
                ids.forEach(id -> assertThat(r).as("a record holding bob's objection names " + id).doesNotContain(id)));
        for (String id : ids) {
            java.util.regex.Pattern link = memberNextToAChoice(id);
            assertThat(everywhere).as("a record holds " + id + " next to a choice").noneMatch(r -> link.matcher(r).find());
        }

        // the auditor's offline re-count of the export: the recorded outcome, from the revealed ballots
        byte[] export = http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop).headers(as(audra))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        ExportVerifier.Report report = new ExportVerifier(null).verify(new java.io.BufferedReader(new java.io.StringReader(
                new String(export, StandardCharsets.UTF_8))), n -> { });
        DecisionReplay.Result decision = report.decisions().stream().filter(d -> d.proposalId().equals(p)).findFirst().orElseThrow();
        assertThat(decision.matches()).as(decision.toString()).isTrue();
        assertThat(decision.outcome()).isEqualTo("REJECTED");
    }

    @Test
    void theAuditorsOfflineReplayOfTheExportReCountsTheSecretVoteAndAVoterChecksTheirReceiptAgainstIt() throws java.io.IOException {
        String p = openSecretVote();
        ballot(alice, p, aliceM, "{\"choice\":\"YES\"}");
        String bobsSecret = receiptOf(ballot(bob, p, bobM, "{\"choice\":\"NO\"}")).secret();
        ballot(dan, p, danM, "{\"choice\":\"YES\"}");
        post(p, "closing");
        JsonNode tally = get(dan, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);

        byte[] export = http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop).headers(as(audra))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        ExportVerifier.Report report = new ExportVerifier(null).verify(new java.io.BufferedReader(new java.io.StringReader(
                new String(export, StandardCharsets.UTF_8))), n -> { });
        DecisionReplay.Result decision = report.decisions().stream().filter(d -> d.proposalId().equals(p)).findFirst().orElseThrow();
        assertThat(decision.matches()).isTrue();
        assertThat(decision.outcome()).isEqualTo(tally.path("outcome").asText());
        assertThat(decision.recordedApproval()).isEqualTo(decision.approval()).isNotNull();

        // bob checks his receipt offline against the auditor's export: found, as cast; a wrong secret finds nothing
        java.nio.file.Path file = java.nio.file.Files.createTempFile("plenum-secret-export-", ".ndjson");
        java.nio.file.Files.write(file, export);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit = AuditCommand.run(List.of("audit", "secret-receipt", file.toString(), p,
                bobsSecret), new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("found: NO").contains("OK: your ballot is among the 3 revealed ones");
        java.io.ByteArrayOutputStream wrong = new java.io.ByteArrayOutputStream();
        assertThat(AuditCommand.run(List.of("audit", "secret-receipt", file.toString(), p,
                "not-bobs-secret-at-all-0123"), new java.io.PrintStream(wrong, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isEqualTo(1);
        assertThat(wrong.toString(StandardCharsets.UTF_8)).contains("NOT FOUND");
    }

    @Test
    void aClosedSecretApprovalVoteIsTalliedByTheReadModelAsRecordedABallotApprovingNothingTakingPart() throws java.io.IOException {
        String p = openSecretVote(",\"method\":\"APPROVAL\",\"options\":[{\"id\":\"bakery\",\"label\":\"A bakery\"},"
                + "{\"id\":\"cafe\",\"label\":\"A cafe\"}]");
        ballot(alice, p, aliceM, "{\"approve\":[\"bakery\"]}");
        ballot(bob, p, bobM, "{\"approve\":[]}");   // takes part, approving nothing
        ballot(dan, p, danM, "{\"approve\":[\"cafe\"]}");
        ballot(dan, p, danM, "{\"approve\":[\"cafe\",\"bakery\"]}");
        post(p, "closing");

        // the read model counts the revealed pages it stored: the recorded outcome and winners, bob's ballot included
        JsonNode tally = get(dan, "/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        JsonNode proposal = get(dan, "/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(tally.path("outcome").asText()).isEqualTo(proposal.path("outcome").asText()).isEqualTo("ACCEPTED");
        List<String> winners = new ArrayList<>();
        tally.path("winners").forEach(w -> winners.add(w.asText()));
        assertThat(winners).containsExactly("bakery");
        for (JsonNode c : tally.get("classes")) {
            assertThat(new java.math.BigDecimal(c.path("participation").asText())).as(c.path("classId").asText())
                    .isEqualByComparingTo(c.path("classId").asText().equals("users") ? "0.5" : "1");
        }
        byte[] export = http.get().uri("/api/v1/cooperatives/{c}/audit/events", coop).headers(as(audra))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        ExportVerifier.Report report = new ExportVerifier(null).verify(new java.io.BufferedReader(new java.io.StringReader(
                new String(export, StandardCharsets.UTF_8))), n -> { });
        DecisionReplay.Result decision = report.decisions().stream().filter(d -> d.proposalId().equals(p)).findFirst().orElseThrow();
        assertThat(decision.matches()).as(decision.toString()).isTrue();
        assertThat(decision.winners()).isEqualTo(winners);
    }

    @Test
    void anElectionCannotBeSecretAndAMalformedReceiptSecretIsRefusedNamingTheirFieldsStoringNothing() {
        long before = eventsInTheLog();
        submit(",\"method\":\"ELECTION\",\"seats\":{\"workers\":1},\"secrecy\":\"SECRET\"").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("secrecy");
        submit(",\"secrecy\":\"HUSH\"").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("secrecy");
        assertThat(eventsInTheLog()).isEqualTo(before);

        String p = openSecretVote();
        long opened = eventsInTheLog();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, aliceM).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\",\"receiptSecret\":\"short\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("receiptSecret");
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, aliceM).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\",\"reason\":\"I am the treasurer\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
        assertThat(eventsInTheLog()).isEqualTo(opened);
    }

    private JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The participation of every class of a tally, summed (a secret vote's open tally shows nothing else). */
    private static java.math.BigDecimal participating(JsonNode tally) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode c : tally.get("classes")) {
            sum = sum.add(new java.math.BigDecimal(c.path("participation").asText("0")));
        }
        return sum;
    }
}
