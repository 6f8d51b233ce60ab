package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a charter amendment is a form, not raw JSON: the charter in force in rows and fields, rows added and
 * removed without JavaScript, a preview of what changes field by field, and the charter rules' refusals next to
 * the fields they name. Riverside's charter: workers 60 %/50 %, users 40 %/20 %, topics energy and finance, rates
 * WORK_HOURS 1 and MONEY 0.1, two evaluations.
 */
class CharterAmendmentFormTest extends PageScenario {

    private PageSession page;

    @BeforeEach
    void aliceIsSignedIn() {
        aliceFoundsACooperative();
        page = signedIn(alice);
    }

    /** The form as a browser posts it: repeated row fields in order. */
    private static final class Form {
        private final List<String[]> fields = new ArrayList<>();

        Form add(String name, String value) {
            fields.add(new String[]{name, value});
            return this;
        }

        Form klass(String id, String name, String weight, String quorum) {
            return add("class.id", id).add("class.name", name).add("class.weight", weight).add("class.quorum", quorum);
        }

        Form rate(String type, String value) {
            return add("rate.type", type).add("rate.value", value);
        }

        String encoded() {
            StringBuilder body = new StringBuilder();
            for (String[] f : fields) {
                body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
            }
            return body.toString();
        }
    }

    /** Riverside's charter as the form shows it, with the proposal's text; {@code classes} replace the two classes. */
    private static Form amendment(String action, String[]... classes) {
        Form form = new Form().add("title", "Users weigh as much as workers").add("body", "Fairer.").add("topic", "energy");
        if (classes.length == 0) {
            form.klass("workers", "Workers", "60", "50").klass("users", "Users", "40", "20");
        }
        for (String[] c : classes) {
            form.klass(c[0], c[1], c[2], c[3]);
        }
        form.add("charterTopic", "energy").add("charterTopic", "finance");
        form.add("threshold", "SIMPLE_MAJORITY").add("classRule", "WEIGHTED").add("powerMode", "EQUAL")
                .add("maxChainLength", "0").add("delegationEnabled", "on").add("admission", "SECRETARY")
                .rate("MONEY", "0.1").rate("WORK_HOURS", "1").add("requiredEvaluations", "2").add("action", action);
        return form;
    }

    private PageSession.Answer post(Form form) {
        return page.postRaw("/cooperatives/{c}/charter-amendment", MediaType.APPLICATION_FORM_URLENCODED, form.encoded(), coop);
    }

    @Test
    void theFormStartsWithTheCharterInForceInRowsAndFields() {
        PageSession.Answer form = page.get("/cooperatives/{c}/charter-amendment", coop);
        assertThat(form.code()).as("%s", form).isEqualTo(200);
        isAPlenumPage(form);
        assertThat(form.body()).contains("id=\"class-id-0\" maxlength=\"40\"").contains("value=\"workers\"")
                .contains("value=\"Workers\"").contains("value=\"60\"").contains("value=\"users\"").contains("value=\"20\"")
                .contains("id=\"topic-0\"").contains("value=\"energy\"").contains("value=\"finance\"")
                .contains("value=\"WORK_HOURS\"").contains("value=\"0.1\"")
                .doesNotContain("id=\"charter-preview\"").doesNotContain("\"classes\":");
        assertThat(page.get("/cooperatives/{c}/proposals/new", coop).body()).contains("/cooperatives/" + coop + "/charter-amendment");
    }

    @Test
    void rowsAreAddedAndRemovedBySubmitButtonsStoringNothing() {
        long before = eventsInTheLog();
        String added = post(amendment("add-class")).body();
        assertThat(added).contains("id=\"class-row-2\"").contains("value=\"users\"");
        String removed = post(amendment("remove-class:0")).body();
        assertThat(removed).doesNotContain("id=\"class-row-1\"").doesNotContain("value=\"workers\"").contains("value=\"users\"");
        assertThat(post(amendment("add-topic")).body()).contains("id=\"topic-2\"");
        assertThat(post(amendment("add-rate")).body()).contains("id=\"rate-row-2\"");
        assertThat(post(amendment("remove-rate:0")).body()).doesNotContain("value=\"MONEY\"");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void thePreviewListsWhatChangesFieldByFieldAndStoresNothing() {
        long before = eventsInTheLog();
        Form changed = amendment("preview", new String[]{"workers", "Workers", "50", "50"}, new String[]{"users", "Users", "50", "20"},
                new String[]{"makers", "Makers", "0", "10"}).add("charterTopic", "water").rate("RESOURCE", "0.5");
        PageSession.Answer preview = post(changed);
        assertThat(preview.code()).as("%s", preview).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"charter-changes\"")
                .contains("<tr data-field=\"Class workers: weight\">").contains("<del class=\"diff-del\">60 %</del>")
                .contains("<ins class=\"diff-ins\">50 %</ins>")
                .contains("<tr data-field=\"Class makers\">").contains("Makers, weight 0 %, quorum 10 %")
                .contains("<tr data-field=\"Topic water\">").contains("<tr data-field=\"Rate RESOURCE\">")
                .doesNotContain("data-field=\"Class users: quorum\"").doesNotContain("data-field=\"Rate MONEY\"")
                .contains("id=\"submit-amendment\"");
        assertThat(eventsInTheLog()).isEqualTo(before);
        assertThat(post(amendment("preview")).body()).contains("id=\"no-changes\"").doesNotContain("id=\"submit-amendment\"");
    }

    @Test
    void theCharterRulesRefusalsAreShownNextToTheFieldsTheyName() {
        long before = eventsInTheLog();
        PageSession.Answer refused = post(amendment("preview", new String[]{"workers", "Workers", "60", "50"},
                new String[]{"workers", "Users", "30", "abc"}));
        assertThat(refused.code()).as("%s", refused).isEqualTo(400);
        isAPlenumPage(refused);
        String html = refused.body();
        // a value that is no number is named first; the form keeps what was typed
        assertThat(html).contains("Quorum: a class quorum is a whole percent from 0 to 100").contains("value=\"abc\"");
        String row1 = html.substring(html.indexOf("id=\"class-row-1\""), html.indexOf("id=\"add-class\""));
        assertThat(row1).contains("Quorum: a class quorum").contains("aria-invalid=\"true\"");

        html = post(amendment("preview", new String[]{"workers", "Workers", "60", "50"},
                new String[]{"workers", "Users", "30", "20"})).body();
        row1 = html.substring(html.indexOf("id=\"class-row-1\""), html.indexOf("id=\"add-class\""));
        assertThat(row1).contains("Id: the class id &#39;workers&#39; is used twice");
        String classes = html.substring(html.indexOf("id=\"charter-classes\""), html.indexOf("id=\"class-row-0\""));
        assertThat(classes).contains("class weights must sum to 100, they sum to 90");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void submittingProposesTheAmendmentWithTheWholeNewCharter() {
        Form changed = amendment("submit", new String[]{"workers", "Workers", "50", "50"}, new String[]{"users", "Users", "50", "20"});
        PageSession.Answer sent = post(changed);
        assertThat(sent.code()).as("%s", sent).isBetween(300, 399);
        String p = sent.location().substring(sent.location().lastIndexOf('/') + 1);
        JsonNode proposal = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, p).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(proposal.get("kind").asText()).isEqualTo("CHARTER_AMENDMENT");
        assertThat(proposal.get("title").asText()).isEqualTo("Users weigh as much as workers");
    }

    @Test
    void aRefusedSubmissionKeepsTheFormAndNamesTheField() {
        long before = eventsInTheLog();
        Form untitled = amendment("submit", new String[]{"workers", "Workers", "50", "50"}, new String[]{"users", "Users", "50", "20"});
        untitled.fields.set(0, new String[]{"title", ""});
        PageSession.Answer refused = post(untitled);
        assertThat(refused.code()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("a title is 1 to 200 characters").containsPattern("id=\"title\" maxlength=\"200\" value=\"\"\\s+aria-invalid=\"true\"")
                .contains("<p class=\"field-error\">a title is 1 to 200 characters</p>")
                .contains("value=\"50\"");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void boardSeatsAreTypedPerClassPreviewedRefusedNextToTheirClassAndShownOnTheCharterOnceAccepted() {
        long before = eventsInTheLog();
        PageSession.Answer preview = post(amendment("preview").add("class.seats", "2").add("class.seats", ""));
        assertThat(preview.code()).as("%s", preview).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"class-seats-0\"").contains("<tr data-field=\"Class workers: board seats\">")
                .contains("<ins class=\"diff-ins\">2</ins>").doesNotContain("data-field=\"Class users: board seats\"");

        for (String bad : new String[]{"51", "0", "two"}) {
            PageSession.Answer refused = post(amendment("preview").add("class.seats", bad).add("class.seats", ""));
            assertThat(refused.code()).as("%s", refused).isEqualTo(400);
            String html = refused.body();
            String row0 = html.substring(html.indexOf("id=\"class-row-0\""), html.indexOf("id=\"class-row-1\""));
            assertThat(row0).contains("Board seats: ").contains("value=\"" + bad + "\"").contains("aria-invalid=\"true\"");
        }
        assertThat(eventsInTheLog()).isEqualTo(before);

        PageSession.Answer sent = post(amendment("submit").add("class.seats", "2").add("class.seats", ""));
        assertThat(sent.code()).as("%s", sent).isBetween(300, 399);
        String p = sent.location().substring(sent.location().lastIndexOf('/') + 1);
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().is2xxSuccessful();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        JsonNode decided = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, p).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(decided.get("outcome").asText()).as("%s", decided).isEqualTo("ACCEPTED");
        JsonNode charter = null;
        for (int tries = 0; tries < 50 && (charter == null || charter.at("/seats/workers").isMissingNode()); tries++) {
            if (charter != null) {
                sleep(200); // the accepted amendment reaches the cooperative's read model a moment after the close
            }
            charter = http.get().uri("/api/v1/cooperatives/{c}", coop).headers(as(alice)).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("charter");
        }
        assertThat(charter.at("/seats/workers").asInt()).as("%s", charter).isEqualTo(2);
        assertThat(charter.at("/seats").has("users")).isFalse();
        assertThat(page.get("/cooperatives/{c}", coop).body()).contains("id=\"board-seats\"").contains("Workers: 2");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
