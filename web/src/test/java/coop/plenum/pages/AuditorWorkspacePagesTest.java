package coop.plenum.pages;

import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "Auditor workspace in the web UI": a cooperative's auditor reads its history as a timeline, filters it,
 * verifies it, downloads the export, steps a decision through its ballots and re-tallies it under other rules; a
 * plain member gets none of it; a filter that cannot be right is refused naming its field; what-if stores nothing.
 */
class AuditorWorkspacePagesTest extends PageScenario {

    private static final Pattern KIND = Pattern.compile("data-kind=\"([A-Za-z]+)\"");

    private String bob;
    private String bobMember;
    private String auditor;
    private String decided;

    @BeforeEach
    void aCooperativeWithAnAuditorAndADecidedVote() {
        aliceFoundsACooperative();
        bob = unique("bob");
        createAccount(bob, "Bob Member");
        bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        auditor = unique("auditor");
        String auditorId = createAccount(auditor, "Audra Auditor");
        steps.setRoles(alice, coop, auditorId, "[\"AUDITOR\"]");
        decided = openProposal(coop, "Solar roof");
        vote(alice, aliceMember, "YES");
        vote(bob, bobMember, "NO");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, decided).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        theChainHasCaughtUp();
    }

    /**
     * A page chains what it finds first, unless the background chainer holds the lock at that moment, in which case
     * that chainer links the same events a moment later: the tests read once everything stored so far is linked.
     */
    private void theChainHasCaughtUp() {
        Long last = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject("select coalesce(max(position), 0) from audit_chain_cursor", Long.class) < last) {
            assertThat(System.nanoTime()).as("the chain links every stored event within seconds").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void vote(String who, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, decided, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}").exchange().expectStatus().is2xxSuccessful();
    }

    private static java.util.List<String> kinds(String html) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        Matcher m = KIND.matcher(html.substring(Math.max(0, html.indexOf("id=\"timeline\""))));
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }

    @Test
    void anAuditorReachesTheWorkspaceFromTheCooperativePageAndSeesKeyCheckpointExportAndDecisions() {
        PageSession page = signedIn(auditor);
        assertThat(page.get("/cooperatives/{c}", coop).body()).contains("id=\"audit-link\"");
        PageSession.Answer workspace = page.get("/cooperatives/{c}/audit", coop);
        assertThat(workspace.code()).as("%s", workspace).isEqualTo(200);
        isAPlenumPage(workspace);
        assertThat(workspace.body()).contains("id=\"verify-now\"", "id=\"download-export\"", "id=\"public-key\"",
                "java -jar plenum.jar audit verify audit-" + coop + ".ndjson --public-key plenum-public-key.json",
                "data-proposal=\"" + decided + "\"");
        // closing a vote signs a checkpoint at once
        assertThat(workspace.body()).contains("id=\"checkpoint-root\"", "id=\"checkpoint-signature\"");

        PageSession.Answer export = page.get(MediaType.ALL, "/cooperatives/{c}/audit/export.ndjson", coop);
        assertThat(export.code()).isEqualTo(200);
        assertThat(export.headers().getFirst("Content-Disposition")).contains("audit-" + coop + ".ndjson");
        assertThat(export.body()).startsWith("{\"kind\":\"header\"").contains("\"kind\":\"trailer\"");
        PageSession.Answer key = page.get(MediaType.APPLICATION_JSON, "/audit/public-key.json");
        assertThat(key.body()).contains("\"algorithm\":\"Ed25519\"", "\"publicKey\":\"");
    }

    @Test
    void verifyNowSaysInSentencesThatTheHistoryHolds() {
        PageSession.Answer verified = signedIn(auditor).post("/cooperatives/{c}/audit/verification", Map.of(), coop);
        assertThat(verified.code()).as("%s", verified).isEqualTo(200);
        assertThat(verified.body()).contains("data-ok=\"true\"", "OK: the stored history is the history that was chained and signed.",
                "checked against the chain", "The last checkpoint, signed");
    }

    @Test
    void verifyNowNamesTheFirstAlteredEventAndWhatWasDoneToItAndTheHistoryStillShowsTheRow() {
        // read from the log itself: the chain links new events within moments, and verification chains what it finds first
        Map<String, Object> ballot = jdbc.queryForMap("select globalindex, payload from domainevententry "
                + "where aggregateidentifier = ? and payloadtype like '%.BallotCast' order by globalindex desc limit 1", decided);
        long position = (Long) ballot.get("globalindex");
        byte[] original = (byte[]) ballot.get("payload");
        PageSession page = signedIn(auditor);
        try {
            // Bob's NO becomes a YES in the database, behind Plenum's back
            jdbc.update("update domainevententry set payload = ? where globalindex = ?",
                    new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("\"NO\"", "\"YES\"")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), position);
            PageSession.Answer verified = page.post("/cooperatives/{c}/audit/verification", Map.of(), coop);
            assertThat(verified.code()).isEqualTo(200);
            assertThat(verified.body()).contains("data-ok=\"false\"", "FAILED: the stored history differs",
                    "First bad event: position " + position + ", a BallotCast, event", "ALTERED: its stored bytes");
            // bytes that are not even JSON: the timeline still shows the row (a tampered row is what an auditor looks for)
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", new byte[]{(byte) 0xff, 0, (byte) 0xfe}, position);
            PageSession.Answer history = page.get("/cooperatives/{c}/audit/history?member={m}", coop, bobMember);
            assertThat(history.code()).as("%s", history).isEqualTo(200);
            assertThat(history.body()).contains("data-position=\"" + position + "\"");
            PageSession.Answer decision = page.get("/cooperatives/{c}/audit/proposals/{p}", coop, decided);
            assertThat(decision.code()).as("%s", decision).isEqualTo(200);
            assertThat(decision.body()).contains("cannot be re-tallied here: verify the history");
            PageSession.Answer whatIf = page.post("/cooperatives/{c}/audit/proposals/{p}/what-if", Map.of("threshold", "TWO_THIRDS"),
                    coop, decided);
            assertThat(whatIf.code()).as("%s", whatIf).isEqualTo(409);
            isAPlenumPage(whatIf);
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", original, position);
        }
        assertThat(page.post("/cooperatives/{c}/audit/verification", Map.of(), coop).body()).contains("data-ok=\"true\"");
    }

    @Test
    void theHistoryListsTheCooperativesEventsInLogOrderAndFiltersThemByKindMemberProposalAndTime() {
        PageSession page = signedIn(auditor);
        PageSession.Answer all = page.get("/cooperatives/{c}/audit/history", coop);
        assertThat(all.code()).as("%s", all).isEqualTo(200);
        assertThat(kinds(all.body())).startsWith("CooperativeFounded").contains("MembershipApplied", "MemberAdmitted", "RoleGranted",
                "ProposalSubmitted", "VotingOpened", "BallotCast", "VotingClosed");
        assertThat(all.body()).contains("Bob Member", "data-hash=\"");

        assertThat(kinds(page.get("/cooperatives/{c}/audit/history?kind={k}", coop, "BallotCast").body()))
                .containsExactly("BallotCast", "BallotCast");
        // Bob's own acts (he applied, he voted) and those that name him (admitted, in the electorate)
        assertThat(kinds(page.get("/cooperatives/{c}/audit/history?member={m}", coop, bobMember).body()))
                .contains("MembershipApplied", "MemberAdmitted", "VotingOpened", "BallotCast")
                .doesNotContain("CooperativeFounded", "ProposalSubmitted", "RoleGranted");
        assertThat(kinds(page.get("/cooperatives/{c}/audit/history?proposal={p}", coop, decided).body()))
                .first().isEqualTo("ProposalSubmitted");
        assertThat(kinds(page.get("/cooperatives/{c}/audit/history?proposal={p}", coop, decided).body()))
                .allMatch(k -> !k.startsWith("Member") && !k.startsWith("Cooperative"));
        assertThat(kinds(page.get("/cooperatives/{c}/audit/history?from={f}", coop, "2999-01-01T00:00").body())).isEmpty();
        assertThat(kinds(page.get("/cooperatives/{c}/audit/history?before={b}", coop, "2999-01-01T00:00").body())).isNotEmpty();
    }

    @Test
    void theHistoryIsPagedWithABoundedPageSize() {
        PageSession page = signedIn(auditor);
        String first = page.get("/cooperatives/{c}/audit/history?size=3", coop).body();
        assertThat(kinds(first)).hasSize(3).startsWith("CooperativeFounded");
        assertThat(first).contains("id=\"later-page\"").doesNotContain("id=\"earlier-page\"");
        String second = page.get("/cooperatives/{c}/audit/history?size=3&afterIndex=2", coop).body();
        assertThat(kinds(second)).hasSize(3).doesNotContain("CooperativeFounded");
        assertThat(second).contains("id=\"earlier-page\"");
        String latest = page.get("/cooperatives/{c}/audit/history?size=3&beforeIndex=1000000", coop).body();
        assertThat(kinds(latest)).hasSize(3).last().isEqualTo("VotingClosed");
        assertThat(latest).doesNotContain("id=\"later-page\"");
    }

    @Test
    void aFilterThatCannotBeRightIsRefusedNamingItsFieldNeverWithA5xx() {
        PageSession page = signedIn(auditor);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("kind", "Ballot'; drop table domainevententry; --");
        bad.put("member", "no-such-member");
        bad.put("proposal", "no-such-proposal");
        bad.put("from", "yesterday");
        bad.put("before", "99999-01-01T00:00");
        bad.put("size", "100000");
        bad.put("afterIndex", "-1");
        bad.put("beforeIndex", "many");
        bad.forEach((field, value) -> {
            PageSession.Answer refused = page.get("/cooperatives/{c}/audit/history?" + field + "={v}", coop, value);
            assertThat(refused.code()).as("%s=%s → %s", field, value, refused).isEqualTo(400);
            isAPlenumPage(refused);
            assertThat(refused.body()).as(field).contains(field).contains("id=\"refusal\"").doesNotContain("id=\"timeline\"");
        });
        PageSession.Answer emptyRange = page.get("/cooperatives/{c}/audit/history?from={f}&before={b}", coop,
                "2026-05-02T00:00", "2026-05-01T00:00");
        assertThat(emptyRange.code()).isEqualTo(400);
        assertThat(emptyRange.body()).contains("before must be later than from");
        PageSession.Answer nul = page.get("/cooperatives/{c}/audit/history?kind={k}", coop, "Ballot\u0000Cast");
        assertThat(nul.code()).isEqualTo(400);
        PageSession.Answer badStep = page.get("/cooperatives/{c}/audit/proposals/{p}?step={s}", coop, decided, "first");
        assertThat(badStep.code()).isEqualTo(400);
        assertThat(badStep.body()).contains("step is the number of a voting event");
        PageSession.Answer badTime = page.get("/cooperatives/{c}/audit/proposals/{p}?asOf={t}", coop, decided, "noon");
        assertThat(badTime.code()).isEqualTo(400);
        assertThat(badTime.body()).contains("asOf is a UTC time");
    }

    @Test
    void aPlainMemberIsRefusedEveryPartOfTheWorkspaceWithAFramedPage() {
        PageSession page = signedIn(bob);
        assertThat(page.get("/cooperatives/{c}", coop).body()).doesNotContain("id=\"audit-link\"");
        for (String path : new String[]{"/cooperatives/{c}/audit", "/cooperatives/{c}/audit/history",
                "/cooperatives/{c}/audit/proposals/" + decided}) {
            PageSession.Answer refused = page.get(path, coop);
            assertThat(refused.code()).as("%s → %s", path, refused).isEqualTo(403);
            isAPlenumPage(refused);
            assertThat(refused.body()).contains("Not yours to see", "Sign out");
        }
        assertThat(page.get(MediaType.ALL, "/cooperatives/{c}/audit/export.ndjson", coop).code()).isEqualTo(403);
        long before = eventsInTheLog();
        assertThat(page.post("/cooperatives/{c}/audit/verification", Map.of(), coop).code()).isEqualTo(403);
        assertThat(page.post("/cooperatives/{c}/audit/proposals/{p}/what-if", Map.of("threshold", "TWO_THIRDS"), coop, decided).code())
                .isEqualTo(403);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void theOperatorMayVerifyACooperativeHeIsNoMemberOf() {
        PageSession operator = PageSession.signIn(http, "admin", OPERATOR_PASSWORD);
        PageSession.Answer verified = operator.post("/cooperatives/{c}/audit/verification", Map.of(), coop);
        assertThat(verified.code()).as("%s", verified).isEqualTo(200);
        assertThat(verified.body()).contains("data-ok=\"true\"");
    }

    @Test
    void theTallyStepsThroughTheBallotsOneAtATime() {
        PageSession page = signedIn(auditor);
        String opened = page.get("/cooperatives/{c}/audit/proposals/{p}?step=0", coop, decided).body();
        assertThat(opened).contains("Voting event 1 of 4").contains("id=\"next-step\"").doesNotContain("id=\"previous-step\"");
        assertThat(cell(opened, "workers", "yes")).isEqualTo("0.000000");
        String alicesBallot = page.get("/cooperatives/{c}/audit/proposals/{p}?step=1", coop, decided).body();
        assertThat(alicesBallot).contains("Voting event 2 of 4", "Alice voted YES");
        assertThat(cell(alicesBallot, "workers", "yes")).isEqualTo("1.000000");
        assertThat(cell(alicesBallot, "users", "no")).isEqualTo("0.000000");
        String bobsBallot = page.get("/cooperatives/{c}/audit/proposals/{p}?step=2", coop, decided).body();
        assertThat(cell(bobsBallot, "users", "no")).isEqualTo("1.000000");
        String closed = page.get("/cooperatives/{c}/audit/proposals/{p}", coop, decided).body();
        assertThat(closed).contains("Voting event 4 of 4", "accepted · approval 0.600000").doesNotContain("id=\"next-step\"");
        String beforeOpening = page.get("/cooperatives/{c}/audit/proposals/{p}?asOf={t}", coop, decided, "2000-01-01T00:00").body();
        assertThat(beforeOpening).contains("Before voting opened.");
    }

    private static String cell(String html, String classId, String field) {
        int row = html.indexOf("data-class=\"" + classId + "\"", html.indexOf("id=\"tally\""));
        Matcher m = Pattern.compile("data-field=\"" + field + "\">([^<]*)<").matcher(html);
        assertThat(m.find(row)).as("a %s cell for %s", field, classId).isTrue();
        return m.group(1);
    }

    @Test
    void whatIfShowsAHypotheticalTallyAndStoresNothing() {
        PageSession page = signedIn(auditor);
        long before = eventsInTheLog();
        PageSession.Answer answer = page.post("/cooperatives/{c}/audit/proposals/{p}/what-if",
                Map.of("threshold", "TWO_THIRDS", "delegation", "off"), coop, decided);
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        assertThat(answer.body()).contains("HYPOTHETICAL", "id=\"what-if-result\"");
        // recorded: 60 % × 1 + 40 % × 0 = 3/5 > 1/2; under two thirds, 0.6 falls short
        assertThat(answer.body()).contains("accepted · approval 3/5", "rejected · approval 0.600000");
        PageSession.Answer refused = page.post("/cooperatives/{c}/audit/proposals/{p}/what-if",
                Map.of("classes.workers.weight", "90"), coop, decided);
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("class weights must sum to 100").doesNotContain("id=\"what-if-result\"");
        PageSession.Answer typo = page.post("/cooperatives/{c}/audit/proposals/{p}/what-if",
                Map.of("classes.workers.weight", "sixty", "threshold", "MOST"), coop, decided);
        assertThat(typo.code()).isEqualTo(400);
        assertThat(typo.body()).contains("classes.workers.weight is a whole number", "threshold is one of");
        assertThat(eventsInTheLog()).as("what-if stores nothing").isEqualTo(before);
    }
}
