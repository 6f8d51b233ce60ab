package coop.plenum.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: the operator's pages, open sign-up, the secretary's role, class and invitation pages, the settings page. */
class OperatorAndSecretaryPagesTest extends BootedPlenum {

    private PageSession operator() {
        return PageSession.signIn(http, "admin", OPERATOR_PASSWORD);
    }

    @Test
    void theOperatorCreatesAnAccountOnAPageAndOnlyTheOperatorSeesThosePages() {
        String hana = unique("hana");
        PageSession.Answer created = operator().post("/operator/accounts", Map.of("username", hana, "displayName", "Hana Page",
                "password", hana + "-password", "email", hana + "@example.coop"));
        assertThat(created.code()).isEqualTo(303);
        assertThat(operator().get("/operator/accounts").body()).contains("Hana Page");
        http.get().uri("/api/v1/accounts/me").headers(as(hana)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(hana + "@example.coop");

        PageSession member = PageSession.signIn(http, hana);
        for (String page : new String[] {"/operator/accounts", "/operator/cooperatives", "/operator/settings"}) {
            assertThat(member.get(page).code()).as(page).isEqualTo(403);
        }
        http.get().uri("/operator/accounts").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void aCharterThatIsNotJsonIsShownAgainWithTheReasonAndAGoodOneFoundsTheCooperative() {
        String ivan = unique("ivan");
        createAccount(ivan, "Ivan Founder");
        PageSession operator = operator();
        long before = eventsInTheLog();
        PageSession.Answer refused = operator.post("/operator/cooperatives", Map.of("name", "Bakery", "charter", "{\"classes\": [",
                "founders", ivan + ",workers", "secretary", ivan));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("not readable JSON", "Bakery");
        assertThat(eventsInTheLog()).isEqualTo(before);

        PageSession.Answer founded = operator.post("/operator/cooperatives", Map.of("name", "Bakery",
                "charter", "{\"classes\": [{\"id\": \"workers\", \"name\": \"Workers\", \"weight\": 100, \"quorum\": 50}]}",
                "founders", ivan + ",workers", "secretary", ivan));
        assertThat(founded.code()).isEqualTo(303);
        assertThat(founded.location()).startsWith("/cooperatives/");
        assertThat(PageSession.signIn(http, ivan).get(founded.location()).body()).contains("Bakery");
    }

    @Test
    void whileSignUpIsOffItsRouteIsNotFoundAndTheOperatorCanOpenIt() {
        String body = "{\"username\": \"%s\", \"displayName\": \"Jo\", \"password\": \"long-enough-pw\"}";
        // the API fuzz test may have opened it in this shared app; the default (off) is tested on the aggregate
        asOperator(http.put().uri("/api/v1/operations/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"openSignUp\": false}")).exchange().expectStatus().isOk();
        http.get().uri("/signup").exchange().expectStatus().isNotFound();
        assertThat(http.get().uri("/login").exchange().expectBody(String.class).returnResult().getResponseBody()).doesNotContain("sign-up-link");
        http.post().uri("/api/v1/signups").contentType(MediaType.APPLICATION_JSON).bodyValue(body.formatted(unique("jo")))
                .exchange().expectStatus().isNotFound();
        try {
            asOperator(http.put().uri("/api/v1/operations/settings").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"openSignUp\": true}")).exchange().expectStatus().isOk().expectBody().jsonPath("$.openSignUp").isEqualTo(true);
            http.get().uri("/signup").exchange().expectStatus().isOk();
            assertThat(http.get().uri("/login").exchange().expectBody(String.class).returnResult().getResponseBody()).contains("sign-up-link");
            String jo = unique("jo");
            http.post().uri("/api/v1/signups").contentType(MediaType.APPLICATION_JSON).bodyValue(body.formatted(jo))
                    .exchange().expectStatus().isCreated();
            http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(jo, "long-enough-pw")).exchange().expectStatus().isOk();
        } finally {
            assertThat(operator().post("/operator/settings", Map.of()).code()).as("the form without the box turns it off").isEqualTo(303);
        }
        http.get().uri("/signup").exchange().expectStatus().isNotFound();
        String alice = unique("alice");
        createAccount(alice, "Alice");
        http.put().uri("/api/v1/operations/settings").headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"openSignUp\": true}").exchange().expectStatus().isForbidden();
    }

    @Test
    void aSecretaryGrantsARoleAndMovesAMemberOnTheMemberPageAndOthersAreRefused() {
        AliceAndBob coop = riversideWithAliceAndBob();
        PageSession alice = PageSession.signIn(http, coop.alice());
        String page = "/cooperatives/" + coop.coop() + "/members/" + coop.bobMember();
        assertThat(alice.get(page).body()).contains("secretary-forms");

        assertThat(alice.post(page + "/roles", Map.of("role", "AUDITOR")).code()).isEqualTo(303);
        assertThat(alice.post(page + "/class-change", Map.of("classId", "workers")).code()).isEqualTo(303);
        JsonNode bob = null;
        for (JsonNode m : new Cooperators(http).members(coop.alice(), coop.coop())) {
            if (m.get("memberId").asText().equals(coop.bobMember())) {
                bob = m;
            }
        }
        assertThat(bob.get("classId").asText()).isEqualTo("workers");
        assertThat(bob.get("roles").toString()).contains("AUDITOR");

        PageSession bobPages = PageSession.signIn(http, coop.bob());
        assertThat(bobPages.get(page).body()).doesNotContain("secretary-forms");
        assertThat(bobPages.post(page + "/roles", Map.of("role", "SECRETARY")).code()).isEqualTo(403);
        assertThat(bobPages.get("/cooperatives/" + coop.coop() + "/invitations").code()).isEqualTo(403);
    }

    @Test
    void aBadLinePastedOnTheInvitationsPageIsShownWithItsLineNumberAndNothingIsStored() {
        AliceAndBob coop = riversideWithAliceAndBob();
        PageSession alice = PageSession.signIn(http, coop.alice());
        long before = eventsInTheLog();
        PageSession.Answer refused = alice.post("/cooperatives/" + coop.coop() + "/invitations",
                Map.of("people", "ok@example.coop\nnot an address", "classId", "users", "validForDays", "14"));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("line 2:", "ok@example.coop");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aPersonChangesTheirNameTimeZoneAndLanguageOnTheSettingsPage() {
        String kim = unique("kim");
        createAccount(kim, "Kim");
        PageSession pages = PageSession.signIn(http, kim);
        assertThat(pages.post("/account/profile", Map.of("displayName", "Kim Settled", "timeZone", "America/Bogota", "language", "es")).code())
                .isEqualTo(303);
        assertThat(pages.get("/account").body()).contains("Kim Settled", "America/Bogota");
        PageSession.Answer refused = pages.post("/account/profile", Map.of("displayName", "Kim", "timeZone", "Nowhere/Land", "language", "es"));
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).as("the refusal in her new language, Spanish").contains("Elige una zona horaria de la lista")
                .doesNotContain("IANA time zone");
    }
}
