package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "secrecy: SECRET" on the server-rendered pages (no browser needed): an admission, secret by default, voted
 * through the page; the receipt secret is shown once on the answer to the ballot and nowhere after; no page shows a
 * choice while the vote is open; after close the page lists the revealed ballots with the voter's tag, and the page's
 * own check (secret-receipt.js, run here under Node with WebCrypto) finds the ballot from the secret.
 */
class SecretBallotPagesTest extends BootedPlenum {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-secret\">([A-Za-z0-9_-]+)<");

    @Test
    void anAdmissionIsSecretByDefaultItsReceiptIsShownOnceAndThePageFindsTheBallotByItAfterClose() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId).replace("\"topics\"", "\"admission\": \"VOTE\", \"topics\""));
        String cara = unique("cara");
        createAccount(cara, "Cara Applicant");
        String caraMember = steps.apply(coop, cara, "users");
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Admit Cara\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"ADMISSION\",\"effect\":\"" + caraMember + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        JsonNode submitted = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, proposal).headers(as(alice))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(submitted.path("secrecy").asText()).as("a vote about a person is secret by default").isEqualTo("SECRET");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();

        PageSession page = PageSession.signIn(http, alice);
        PageSession.Answer first = page.post("/cooperatives/{c}/proposals/{p}/ballot", Map.of("choice", "NO"), coop, proposal);
        Matcher firstReceipt = RECEIPT.matcher(first.body());
        assertThat(firstReceipt.find()).as(first.toString()).isTrue();
        PageSession.Answer last = page.post("/cooperatives/{c}/proposals/{p}/ballot", Map.of("choice", "YES"), coop, proposal);
        Matcher lastReceipt = RECEIPT.matcher(last.body());
        assertThat(lastReceipt.find()).isTrue();
        String secret = lastReceipt.group(1);
        assertThat(secret).isNotEqualTo(firstReceipt.group(1));

        String open = page.get("/cooperatives/{c}/proposals/{p}", coop, proposal).body();
        assertThat(open).doesNotContain("receipt-secret").doesNotContain(secret).contains("secret-ballot-note")
                .contains("id=\"secret-took-part\"").doesNotContain("id=\"my-choice\"").doesNotContain("id=\"revealed-ballots\"").doesNotContain("data-field=\"yes\"");

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        String tag = ReceiptTags.tag(new ProposalId(proposal), secret);
        String closed = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!closed.contains("id=\"revealed-ballots\"") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            closed = page.get("/cooperatives/{c}/proposals/{p}", coop, proposal).body();
        }
        assertThat(closed).contains("data-tag=\"" + tag + "\"").doesNotContain(secret).contains("/js/secret-receipt.js");
        assertThat(closed.split("data-tag=\"", -1)).as("one revealed ballot: the last").hasSize(2);

        assertThat(runTheCheck(proposal, tag, secret)).isEqualTo("found");
        assertThat(runTheCheck(proposal, tag, firstReceipt.group(1))).isEqualTo("not-found");
    }

    /** Issue 15: "the live page shows participation per class only" while a secret vote is open. */
    @Test
    void whileASecretVoteIsOpenItsPageShowsParticipationPerClassAndNoResult() throws Exception {
        AliceAndBob ab = riversideWithAliceAndBob();
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", ab.coop()).headers(as(ab.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"secrecy\":\"SECRET\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", ab.coop(), proposal).headers(as(ab.alice()))
                .exchange().expectStatus().isNoContent();
        PageSession alice = PageSession.signIn(http, ab.alice());
        assertThat(alice.post("/cooperatives/{c}/proposals/{p}/ballot", Map.of("choice", "YES"), ab.coop(), proposal).body())
                .contains("id=\"receipt-secret\"");

        // bob (users) reads the page: alice's class took part in full, his own not at all, and nothing else is shown
        PageSession bob = PageSession.signIn(http, ab.bob());
        String page = "";
        String panel = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!participationOf(panel, "workers").startsWith("100") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            page = bob.get("/cooperatives/{c}/proposals/{p}", ab.coop(), proposal).body();
            int at = page.indexOf("id=\"tally-hidden\"");
            panel = at < 0 ? "" : page.substring(at, page.indexOf("</section>", at));
        }
        assertThat(participationOf(panel, "workers")).as("the workers' participation in %s", page).startsWith("100");
        assertThat(participationOf(panel, "users")).as("the users' participation").startsWith("0");
        assertThat(page).contains("id=\"results-hidden-note\"").doesNotContain("id=\"tally\"")
                .doesNotContain("data-field=\"yes\"").doesNotContain("data-field=\"approval\"")
                .doesNotContain("id=\"voters\"").doesNotContain("id=\"my-choice\"").doesNotContain("id=\"revealed-ballots\"");
    }

    /** The participation a results panel shows for a class, as written; blank when the class has no row. */
    private static String participationOf(String panel, String classId) {
        Matcher m = Pattern.compile("data-class=\"" + classId + "\"[^>]*>.*?data-field=\"participation\"[^>]*>([^<]*)<",
                Pattern.DOTALL).matcher(panel);
        return m.find() ? m.group(1).strip() : "";
    }

    @Test
    void theNewProposalFormChoosesASecretApprovalVoteWhoseBallotIsCastThroughThePageWithoutAReason() {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        PageSession page = PageSession.signIn(http, alice);
        String form = page.get("/cooperatives/{c}/proposals/new", coop).body();
        assertThat(form).contains("name=\"secrecy\"").contains("value=\"SECRET\"");

        PageSession.Answer created = page.post("/cooperatives/{c}/proposals", Map.of("title", "Which energy?", "body", "b",
                "topic", "energy", "kind", "GENERAL", "method", "APPROVAL", "options", "Wind\nSolar", "secrecy", "SECRET"), coop);
        assertThat(created.code()).as("%s", created).isEqualTo(303);
        String proposal = created.location().substring(created.location().lastIndexOf('/') + 1);
        JsonNode stored = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, proposal).headers(as(alice))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.path("secrecy").asText()).isEqualTo("SECRET");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();

        String open = page.get("/cooperatives/{c}/proposals/{p}", coop, proposal).body();
        assertThat(open).contains("id=\"secret-ballot-note\"").doesNotContain("id=\"no-ballot\"")
                .as("a secret ballot carries no reason").doesNotContain("id=\"ballot-reason\"");
        PageSession.Answer cast = page.post("/cooperatives/{c}/proposals/{p}/ballot", Map.of("approve", "wind"), coop, proposal);
        assertThat(cast.code()).as("%s", cast).isEqualTo(200);
        assertThat(RECEIPT.matcher(cast.body()).find()).as("the receipt secret, once").isTrue();
        String after = page.get("/cooperatives/{c}/proposals/{p}", coop, proposal).body();
        assertThat(after).contains("id=\"secret-took-part\"").contains("id=\"vote-retract\"").doesNotContain("id=\"my-ballot\"");
    }

    @Test
    void aSecretConsentFormTakesAReasonOnlyToObjectAndRefusesOneWithAConsentNamingTheFieldStoringNothing() {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        PageSession page = PageSession.signIn(http, alice);
        PageSession.Answer created = page.post("/cooperatives/{c}/proposals", Map.of("title", "Open on Sundays?", "body", "b",
                "topic", "energy", "kind", "GENERAL", "method", "CONSENT", "secrecy", "SECRET"), coop);
        assertThat(created.code()).as("%s", created).isEqualTo(303);
        String proposal = created.location().substring(created.location().lastIndexOf('/') + 1);
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();

        String open = page.get("/cooperatives/{c}/proposals/{p}", coop, proposal).body();
        assertThat(open).contains("id=\"ballot-reason\"")
                .contains("(only to object: revealed with your objection at close, without your name)");
        PageSession.Answer consentWithAReason = page.post("/cooperatives/{c}/proposals/{p}/ballot",
                Map.of("consent", "CONSENT", "reason", "As the baker I am fine with it"), coop, proposal);
        assertThat(consentWithAReason.code()).as("%s", consentWithAReason).isEqualTo(400);
        assertThat(consentWithAReason.body()).contains("in a secret vote only an objection carries a reason")
                .containsPattern("id=\"ballot-reason\"[^>]*aria-invalid=\"true\"");
        JsonNode stored = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, proposal).headers(as(alice))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stored.path("secretParticipants")).as("nothing stored").isEmpty();
        PageSession.Answer objection = page.post("/cooperatives/{c}/proposals/{p}/ballot",
                Map.of("consent", "OBJECT", "reason", "The bakery needs a day off"), coop, proposal);
        assertThat(objection.code()).as("%s", objection).isEqualTo(200);
        assertThat(RECEIPT.matcher(objection.body()).find()).as("the receipt secret, once").isTrue();
    }

    @Test
    void aSecrecyTheFormDoesNotOfferOrASecretBoardElectionIsRefusedNamingTheFieldAndNothingIsStored() {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        PageSession page = PageSession.signIn(http, alice);
        PageSession.Answer hush = page.post("/cooperatives/{c}/proposals", Map.of("title", "Hush", "body", "b",
                "topic", "energy", "kind", "GENERAL", "method", "YES_NO", "secrecy", "HUSH"), coop);
        assertThat(hush.code()).isEqualTo(400);
        assertThat(hush.body()).contains("Ballots are open or secret, or left to the charter.")
                .containsPattern("id=\"secrecy\"[^>]*aria-invalid=\"true\"");
        PageSession.Answer election = page.post("/cooperatives/{c}/proposals", Map.of("title", "Board", "body", "b",
                "topic", "energy", "kind", "GENERAL", "method", "ELECTION", "seats-workers", "1", "secrecy", "SECRET"), coop);
        assertThat(election.code()).isEqualTo(400);
        assertThat(election.body()).contains("an ELECTION cannot be SECRET").containsPattern("id=\"secrecy\"[^>]*aria-invalid=\"true\"");
        JsonNode proposals = http.get().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(proposals).as("nothing stored").isEmpty();
    }

    /** The page's own script under Node (WebCrypto as in a browser) on a stand-in for the page's revealed list. */
    private static String runTheCheck(String proposal, String tag, String secret) throws Exception {
        String script = Files.readString(Path.of("src/main/resources/static/js/secret-receipt.js"));
        String harness = """
                const attrs = {'data-proposal': %s, 'data-found': 'Found:', 'data-not-found': 'Not found', 'data-unavailable': 'no'};
                const cell = {textContent: 'Yes'};
                const row = {getAttribute: () => %s, classList: {add() {}, remove() {}}, querySelector: () => cell};
                let click;
                const result = {textContent: '', outcome: '', setAttribute(name, value) { this.outcome = value; }};
                const panel = {getAttribute: (name) => attrs[name], querySelectorAll: () => [row]};
                globalThis.window = {crypto: globalThis.crypto};
                globalThis.document = {getElementById: (id) => ({'revealed-ballots': panel, 'check-receipt':
                        {addEventListener: (type, f) => { click = f; }}, 'check-secret': {value: %s}, 'check-result': result})[id]};
                %s
                click();
                setTimeout(() => console.log(result.outcome), 200);
                """.formatted(json(proposal), json(tag), json(secret), script);
        Process node = new ProcessBuilder("node", "-e", harness).redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(node.getInputStream().readAllBytes()).strip();
    }

    private static String json(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

}
