package coop.plenum.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.PageSession;
import coop.plenum.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: "forgot password" by email without account enumeration, and each person's own settings. */
class PasswordResetAndSettingsOverHttpTest extends BootedPlenum {

    private void setEmail(String username, String email) {
        http.put().uri("/api/v1/accounts/me/email").headers(as(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"" + email + "\"}").exchange().expectStatus().isNoContent();
    }

    private String askForReset(String login) {
        return http.post().uri("/api/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"login\": \"" + login + "\"}").exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private int signInStatus(String username, String password) {
        return http.get().uri("/api/v1/accounts/me").headers(h -> h.setBasicAuth(username, password)).exchange()
                .expectBody().returnResult().getStatus().value();
    }

    @Test
    void aMailedResetLinkSetsANewPasswordOnceAndTheOldPasswordStopsWorkingAtOnce() {
        String bob = unique("bob");
        String bobId = createAccount(bob, "Bob Forgetful");
        String email = bob + "@example.coop";
        setEmail(bob, email);
        assertThat(signInStatus(bob, bob + "-password")).as("the old password, now in the verified-credentials cache").isEqualTo(200);

        askForReset(bob);
        String path = TestMail.linkPath(TestMail.to(email, 1).get(0), "/password-reset/");
        String[] parts = path.split("/");
        assertThat(parts[2]).isEqualTo(bobId);

        http.post().uri("/api/v1/password-resets/{a}", bobId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\": \"" + parts[3] + "\", \"password\": \"a-brand-new-one\"}")
                .exchange().expectStatus().isNoContent();
        assertThat(signInStatus(bob, bob + "-password")).isEqualTo(401);
        assertThat(signInStatus(bob, "a-brand-new-one")).isEqualTo(200);

        http.post().uri("/api/v1/password-resets/{a}", bobId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\": \"" + parts[3] + "\", \"password\": \"yet-another-one\"}")
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("account.reset-link-invalid");
    }

    @Test
    void askingAnswersTheSameAndAsFastForKnownAndUnknownAccounts() {
        String carol = unique("carol");
        createAccount(carol, "Carol Known");
        String email = carol + "@example.coop";
        setEmail(carol, email);
        String nobody = unique("nobody");

        List<String> answers = List.of(askForReset(carol), askForReset(email), askForReset(nobody), askForReset(nobody + "@example.coop"));
        assertThat(answers).allMatch(answers.get(0)::equals);

        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            askForReset(carol);
            known.add(System.nanoTime() - start);
            start = System.nanoTime();
            askForReset(nobody);
            unknown.add(System.nanoTime() - start);
        }
        long knownMedian = median(known) / 1_000_000;
        long unknownMedian = median(unknown) / 1_000_000;
        System.out.printf("password reset request, median ms: known %d, unknown %d%n", knownMedian, unknownMedian);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("known %d ms vs unknown %d ms", knownMedian, unknownMedian).isLessThan(25);

        assertThat(TestMail.to(email, 3)).as("per-account limit: 3 mails an hour, the rest silently not sent").hasSize(3);
        assertThat(TestMail.to(nobody + "@example.coop", 0)).isEmpty();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aPasswordChangeEndsTheBrowserSessionsOpenedWithTheOldOne() {
        String dora = unique("dora");
        createAccount(dora, "Dora Two Devices");
        PageSession phone = PageSession.signIn(http, dora);
        assertThat(phone.get("/").code()).isEqualTo(200);

        http.put().uri("/api/v1/accounts/me/password").headers(as(dora)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\": \"" + dora + "-password\", \"newPassword\": \"changed-elsewhere\"}")
                .exchange().expectStatus().isNoContent();

        PageSession.Answer after = phone.get("/");
        assertThat(after.code()).isEqualTo(303);
        assertThat(after.location()).contains("/login?expired");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        String ed = unique("ed");
        createAccount(ed, "Ed");
        http.put().uri("/api/v1/accounts/me/password").headers(as(ed)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\": \"wrong-guess\", \"newPassword\": \"changed-password\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("currentPassword");
        assertThat(signInStatus(ed, ed + "-password")).isEqualTo(200);
    }

    @Test
    void theProfileKeepsAValidTimeZoneAndASupportedLanguage() {
        String fay = unique("fay");
        createAccount(fay, "Fay");
        http.put().uri("/api/v1/accounts/me/profile").headers(as(fay)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\": \"Fay Renamed\", \"timeZone\": \"Europe/Madrid\", \"language\": \"es\"}")
                .exchange().expectStatus().isNoContent();
        JsonNode me = http.get().uri("/api/v1/accounts/me").headers(as(fay)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(me.get("displayName").asText()).isEqualTo("Fay Renamed");
        assertThat(me.get("timeZone").asText()).isEqualTo("Europe/Madrid");
        assertThat(me.get("language").asText()).isEqualTo("es");

        for (Map.Entry<String, String> bad : Map.of(
                "timeZone", "{\"displayName\": \"Fay\", \"timeZone\": \"Mars/Olympus\", \"language\": \"es\"}",
                "language", "{\"displayName\": \"Fay\", \"timeZone\": \"UTC\", \"language\": \"xx\"}",
                "displayName", "{\"displayName\": \"\", \"timeZone\": \"UTC\", \"language\": \"en\"}").entrySet()) {
            http.put().uri("/api/v1/accounts/me/profile").headers(as(fay)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(bad.getValue()).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo(bad.getKey());
        }
    }

    @Test
    void anInvitationGivesTheNewAccountItsResetAddress() {
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        String email = unique("gil") + "@example.coop";
        http.post().uri("/api/v1/cooperatives/{c}/invitations", coop).headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"invitees\": [{\"email\": \"" + email + "\", \"classId\": \"users\"}]}")
                .exchange().expectStatus().isCreated();
        String[] link = TestMail.linkPath(TestMail.to(email, 1).get(0), "/invitations/").split("/");
        String gil = unique("gil");
        http.post().uri("/api/v1/invitations/{i}/acceptance", link[2]).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\": \"" + link[3] + "\", \"username\": \"" + gil + "\", \"displayName\": \"Gil\", \"password\": \"" + gil + "-password\"}")
                .exchange().expectStatus().isCreated();

        http.get().uri("/api/v1/accounts/me").headers(as(gil)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email);
    }

    @Test
    void aMembersNewDisplayNameShowsInTheDirectoryOfEveryCooperativeTheyBelongTo() {
        coop.plenum.support.Cooperators steps = new coop.plenum.support.Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String riverside = foundCooperative(riverside(aliceId));
        String hillside = foundCooperative(riverside(aliceId).replace("Riverside Energy", "Hillside Energy"));
        String hal = unique("hal");
        String halId = createAccount(hal, "Hal Before");
        for (String coop : List.of(riverside, hillside)) {
            steps.command(alice, coop, steps.apply(coop, hal, "users"), "admission");
        }

        http.put().uri("/api/v1/accounts/me/profile").headers(as(hal)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\": \"Hal After\", \"timeZone\": \"UTC\", \"language\": \"en\"}")
                .exchange().expectStatus().isNoContent();

        for (String coop : List.of(riverside, hillside)) {
            String member = steps.memberIdOf(alice, coop, halId);
            List<String> names = new ArrayList<>();
            steps.members(alice, coop).forEach(m -> names.add(m.get("displayName").asText()));
            assertThat(names).contains("Hal After").doesNotContain("Hal Before");
            http.get().uri("/api/v1/cooperatives/{c}/members/{m}", coop, member).headers(as(alice)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo("Hal After");
        }
    }
}
