package coop.plenum.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, "Accounts without the operator": invitations over the JSON API, mailed through a real SMTP server. */
class InvitationsOverHttpTest extends BootedPlenum {


    private JsonNode invite(String secretary, String coop, String json) {
        return http.post().uri("/api/v1/cooperatives/{c}/invitations", coop).headers(as(secretary))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The invitation id and token of the link in the latest mail to this address. */
    private static String[] linkIn(String email, int mails) {
        List<MimeMessage> received = TestMail.to(email, mails);
        assertThat(received).hasSizeGreaterThanOrEqualTo(mails);
        String path = TestMail.linkPath(received.get(mails - 1), "/invitations/");
        String[] parts = path.split("/");
        return new String[] {parts[2], parts[3]};
    }

    private JsonNode acceptWithNewAccount(String invitationId, String token, String username, int status) {
        return http.post().uri("/api/v1/invitations/{i}/acceptance", invitationId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"token": "%s", "username": "%s", "displayName": "Cara Invited", "password": "%s-password"}"""
                        .formatted(token, username, username))
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode members(String reader, String coop) {
        return new Cooperators(http).members(reader, coop);
    }

    private static JsonNode memberOf(JsonNode members, String accountId) {
        for (JsonNode m : members) {
            if (m.get("accountId").asText().equals(accountId)) {
                return m;
            }
        }
        return null;
    }

    @Test
    void anInvitationMailsASingleUseLinkThatCreatesTheAccountAndAdmitsUnderTheSecretaryPolicy() throws Exception {
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        String email = unique("cara") + "@example.coop";

        JsonNode sent = invite(alice, coop, "{\"invitees\": [{\"email\": \"" + email + "\", \"classId\": \"users\"}]}");
        assertThat(sent.at("/invitations/0/delivery").asText()).isEqualTo("MAILED");
        assertThat(sent.at("/invitations/0/link").isNull()).as("a mailed link is never shown to the secretary").isTrue();

        MimeMessage mail = TestMail.to(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Invitation to join Riverside Energy");
        assertThat(TestMail.body(mail)).contains("Alice Secretary invites you", "\"Users\"", TestMail.PUBLIC_URL + "/invitations/");
        String[] link = linkIn(email, 1);

        String cara = unique("cara");
        JsonNode accepted = acceptWithNewAccount(link[0], link[1], cara, 201);
        assertThat(accepted.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode member = memberOf(members(cara, coop), accepted.get("accountId").asText());
        assertThat(member.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(member.get("classId").asText()).isEqualTo("users");

        JsonNode again = acceptWithNewAccount(link[0], link[1], unique("eve"), 409);
        assertThat(again.get("code").asText()).isEqualTo("invitation.accepted");

        JsonNode listed = http.get().uri("/api/v1/cooperatives/{c}/invitations", coop).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(listed.get(0).get("memberId").asText()).isEqualTo(accepted.get("memberId").asText());
        assertThat(listed.toString()).as("the token's hash stays inside").doesNotContain("tokenHash").doesNotContain(link[1]);
    }

    @Test
    void underTheVotePolicyTheInvitedPersonStaysAnApplicant() {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId).replace("\"topics\"", "\"admission\": \"VOTE\", \"topics\""));
        String email = unique("dan") + "@example.coop";
        invite(alice, coop, "{\"csv\": \"email,classId\\n" + email + ",workers\\n\"}");

        String[] link = linkIn(email, 1);
        JsonNode accepted = acceptWithNewAccount(link[0], link[1], unique("dan"), 201);

        assertThat(accepted.get("status").asText()).isEqualTo("APPLIED");
        assertThat(memberOf(members(alice, coop), accepted.get("accountId").asText()).get("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void anExistingAccountSignedInUsesTheLinkForItself() {
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        String erin = unique("erin");
        String erinId = createAccount(erin, "Erin Existing");
        String email = erin + "@example.coop";
        invite(alice, coop, "{\"invitees\": [{\"email\": \"" + email + "\"}], \"classId\": \"workers\"}");
        String[] link = linkIn(email, 1);

        JsonNode accepted = http.post().uri("/api/v1/invitations/{i}/acceptance", link[0]).headers(as(erin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"token\": \"" + link[1] + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(accepted.get("accountId").asText()).isEqualTo(erinId);
        assertThat(memberOf(members(alice, coop), erinId).get("classId").asText()).isEqualTo("workers");
    }

    @Test
    void resendingGivesANewLinkAndTheOldOneNoLongerWorks() {
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        String email = unique("fay") + "@example.coop";
        String id = invite(alice, coop, "{\"invitees\": [{\"email\": \"" + email + "\", \"classId\": \"users\"}]}")
                .at("/invitations/0/invitationId").asText();
        String[] first = linkIn(email, 1);

        http.post().uri("/api/v1/cooperatives/{c}/invitations/{i}/resending", coop, id).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"validForDays\": 3}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.delivery").isEqualTo("MAILED");
        String[] second = linkIn(email, 2);
        assertThat(second[0]).isEqualTo(id);
        assertThat(second[1]).isNotEqualTo(first[1]);

        assertThat(acceptWithNewAccount(first[0], first[1], unique("fay"), 404).get("code").asText()).isEqualTo("invitation.not-found");
        acceptWithNewAccount(second[0], second[1], unique("fay"), 201);
    }

    @Test
    void aRevokedLinkSaysSoAndStoresNothing() {
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        String email = unique("gus") + "@example.coop";
        String id = invite(alice, coop, "{\"invitees\": [{\"email\": \"" + email + "\", \"classId\": \"users\"}]}")
                .at("/invitations/0/invitationId").asText();
        String[] link = linkIn(email, 1);
        http.post().uri("/api/v1/cooperatives/{c}/invitations/{i}/revocation", coop, id).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        long before = eventsInTheLog();

        String gus = unique("gus");
        assertThat(acceptWithNewAccount(link[0], link[1], gus, 409).get("code").asText()).isEqualTo("invitation.revoked");
        assertThat(eventsInTheLog()).as("no account was created for a revoked link").isEqualTo(before);
        http.get().uri("/invitations/{i}/{t}", link[0], link[1]).exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).value(html -> assertThat(html).contains("withdrawn"));
    }

    @Test
    void aBadLineInAPastedListIsNamedByItsLineAndNothingIsStored() {
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        long before = eventsInTheLog();

        http.post().uri("/api/v1/cooperatives/{c}/invitations", coop).headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"csv\": \"a@example.coop,users\\nb@example.coop,users\\nnot-an-address,users\\n\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("lines[3].email");
        http.post().uri("/api/v1/cooperatives/{c}/invitations", coop).headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"csv\": \"a@example.coop,users\\n\\nb@example.coop,investors\\n\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("lines[3].classId");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void onlySecretariesInviteListResendAndRevoke() {
        AliceAndBob coop = riversideWithAliceAndBob();
        String body = "{\"invitees\": [{\"email\": \"x@example.coop\", \"classId\": \"users\"}]}";
        http.post().uri("/api/v1/cooperatives/{c}/invitations", coop.coop()).headers(as(coop.bob()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/cooperatives/{c}/invitations", coop.coop())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/cooperatives/{c}/invitations", coop.coop()).headers(as(coop.bob()))
                .exchange().expectStatus().isForbidden();
        String id = invite(coop.alice(), coop.coop(), body).at("/invitations/0/invitationId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/invitations/{i}/resending", coop.coop(), id).headers(as(coop.bob()))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/cooperatives/{c}/invitations/{i}/revocation", coop.coop(), id).headers(as(coop.bob()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anUnknownOrGuessedLinkIsANotFoundPageNeverAServerError() {
        http.get().uri("/invitations/{i}/{t}", "no-such-invitation", "guess").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("not valid"));
        http.get().uri("/invitations/{i}/{t}", "x".repeat(300), "guess").exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/invitations/{i}/acceptance", "no-such-invitation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\": \"guess\", \"username\": \"nobody1\", \"displayName\": \"N\", \"password\": \"long-enough-1\"}")
                .exchange().expectStatus().isNotFound();
    }
}
