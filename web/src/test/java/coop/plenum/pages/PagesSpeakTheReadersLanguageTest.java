package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.LinkedHashMap;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "English plus at least two complete translations; each member's language and time zone": a signed-in
 * member's account language chooses the pages' language (month names included) and their zone the times; signed
 * out, the browser's Accept-Language among English, Spanish and German, or a language picked with ?lang=.
 */
class PagesSpeakTheReadersLanguageTest extends PageScenario {

    private AliceAndBob r;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
    }

    @Test
    void aMemberWhoseLanguageIsSpanishSeesTheProposalPageInSpanishWithDatesInTheirZone() {
        profile(r.alice(), "Europe/Madrid", "es");
        String p = propose(r, "Horario de invierno", ",\"votingClosesAt\":\"2030-01-15T18:00:00Z\"");
        act(r, p, "opening");

        String spanish = page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(spanish).contains("<html lang=\"es\">", "Tu voto", "Debate", "Recuento", ">votación<",
                "Recordárselo a quienes no han votado", "15 ene, 19:00 CET", "Mis cooperativas", "Cerrar sesión");
        assertThat(spanish).doesNotContain("Your ballot", "Discussion", "15 Jan", "Sign out", "??");

        String english = page(r.bob(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(english).as("a member with no language set reads English, in UTC")
                .contains("<html lang=\"en\">", "Your ballot", "Discussion", "15 Jan 18:00 UTC").doesNotContain("Tu voto");
    }

    @Test
    void aGermanMembersPagesWriteTheDayWithAFullStop() {
        profile(r.alice(), "Europe/Berlin", "de");
        String p = propose(r, "Winterzeiten", ",\"votingClosesAt\":\"2030-01-15T18:00:00Z\"");
        act(r, p, "opening");

        assertThat(page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p)).as("the closing time, day and month")
                .contains("<html lang=\"de\">", "15. Jan., 19:00 MEZ").doesNotContain("15 Jan");
        assertThat(page(r.alice(), "/")).as("the home page's votes waiting, with the year")
                .contains("15. Jan. 2030, 19:00 MEZ").doesNotContain("15 Jan.");
    }

    @Test
    void aMemberWhoseLanguageIsSpanishSeesTheBoardElectionPanelInSpanish() {
        profile(r.alice(), "Europe/Madrid", "es");
        String p = propose(r, "Consejo 2030", ",\"method\":\"ELECTION\",\"seats\":{\"workers\":2,\"users\":1}");

        String spanish = page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(spanish).contains("<h2>Elección del consejo</h2>", "2 puestos", "1 puesto", "Aún no hay nadie nominado.",
                "Presentar mi candidatura por", "Nominar a un socio");
        assertThat(spanish).doesNotContain("Board election", " seat", "Nobody is nominated", "Stand as a candidate", "??");

        assertThat(page(r.bob(), "/cooperatives/{c}/proposals/{p}", r.coop(), p)).as("the same panel for an English reader")
                .contains("<h2>Board election</h2>", "2 seats", "1 seat<", "Nobody is nominated yet.")
                .doesNotContain("Elección del consejo");
    }

    @Test
    void aSpanishMembersBallotAndTheCountOfABoardElectionReadInSpanish() {
        profile(r.alice(), "Europe/Madrid", "es");
        String p = propose(r, "Consejo 2031", ",\"method\":\"ELECTION\",\"seats\":{\"workers\":1}");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/candidates", r.coop(), p).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\":\"" + r.aliceMember() + "\"}")
                .exchange().expectStatus().isNoContent();
        act(r, p, "opening");
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), p, r.aliceMember()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"ranking\": [[\"" + r.aliceMember() + "\"]]}")
                .exchange().expectStatus().isOk();

        // profile() made alice's display name her username
        String voting = page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(voting).contains("ordenaste: " + r.alice(), "Numera las candidaturas de tu clase")
                .doesNotContain("you ranked", "Number the candidates", "??");

        act(r, p, "closing");
        String counted = page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(counted).contains("El recuento, ronda a ronda", ">Ronda 1<", ">Cuota<", ">Resultado<",
                        ">elegido(a)<", r.alice() + ": elegido(a) (no quedan más candidaturas que puestos)",
                        ">Transferidos<", ">primeras preferencias<", ">Valor de retención: " + r.alice() + "<",
                        "aria-label=\"El recuento de ", "El valor de retención es la parte de cada voto")
                .doesNotContain(">Round 1<", ">Quota<", " elected", ">Transferred<", "Keep value", "first preferences", "??");
    }

    @Test
    void aMemberWhoseLanguageIsGermanFillsInTheNewProposalFormInGermanAndInTheirZone() {
        profile(r.bob(), "Europe/Berlin", "de");
        PageSession bob = signedIn(r.bob());
        String form = bob.get("/cooperatives/{c}/proposals/new", r.coop()).body();
        assertThat(form).contains("<html lang=\"de\">", "Neuer Antrag", "Abstimmung beginnt (Europe/Berlin, optional)",
                "Zur Beratung einreichen", "Allgemeine Entscheidung").doesNotContain("New proposal", "(UTC, optional)", "??");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Winterzeiten");
        fields.put("body", "Kürzere Öffnungszeiten");
        fields.put("kind", "GENERAL");
        fields.put("method", "YES_NO");
        fields.put("topic", "energy");
        fields.put("votingOpensAt", "2030-03-01T10:00");
        fields.put("votingClosesAt", "2030-07-01T10:00");
        PageSession.Answer submitted = bob.post("/cooperatives/{c}/proposals", fields, r.coop());
        assertThat(submitted.code()).as("%s", submitted).isEqualTo(303);
        String proposalId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);

        JsonNode api = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", r.coop(), proposalId).headers(as(r.bob()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(api.get("votingOpensAt").asText()).as("10:00 in Berlin in winter").isEqualTo("2030-03-01T09:00:00Z");
        assertThat(api.get("votingClosesAt").asText()).as("10:00 in Berlin in summer").isEqualTo("2030-07-01T08:00:00Z");
        assertThat(page(r.bob(), "/cooperatives/{c}/proposals/{p}", r.coop(), proposalId))
                .contains("beginnt am 1. März, 10:00 MEZ", "1. Juli, 10:00 MESZ");
    }

    @Test
    void aSignedOutVisitorReadsTheLanguageTheirBrowserAsksForOrPicks() {
        assertThat(login("de-CH,de;q=0.9,en;q=0.5")).contains("<html lang=\"de\">", "Passwort vergessen?", ">Anmelden<");
        assertThat(login("es")).contains("<html lang=\"es\">", "¿Olvidaste tu contraseña?");
        assertThat(login("fr-FR,fr;q=0.9")).as("a language Plenum has no bundle for").contains("<html lang=\"en\">",
                "Forgot your password?");
        assertThat(login(null)).contains("<html lang=\"en\">", "Forgot your password?");
        assertThat(login("this is ;;; not a header")).contains("<html lang=\"en\">");

        EntityExchangeResult<String> picked = http.get().uri("/login?lang=es").header("Accept-Language", "de")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(picked.getResponseBody()).contains("<html lang=\"es\">");
        String cookie = picked.getResponseCookies().getFirst("plenum-lang").getValue();
        assertThat(cookie).isEqualTo("es");
        assertThat(http.get().uri("/password-reset").cookie("plenum-lang", cookie).header("Accept-Language", "de")
                .exchange().expectBody(String.class).returnResult().getResponseBody())
                .as("the picked language stays for the next pages").contains("Restablecer tu contraseña");
    }

    @Test
    void aClosedVotesReasonAndItsChartsTextAlternativeAreInTheReadersLanguage() {
        profile(r.alice(), "Europe/Madrid", "es");
        profile(r.bob(), "Europe/Berlin", "de");
        String p = propose(r, "Tejado solar", "");
        act(r, p, "opening");
        vote(r, p, r.alice(), r.aliceMember(), "YES");
        vote(r, p, r.bob(), r.bobMember(), "YES");
        act(r, p, "closing");

        String spanish = page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(spanish).contains("Aceptada: 100", "de aprobación, por encima de la línea de la mitad, todas las clases con quórum.",
                        "Se aprueba con más de la mitad de los votos", ">Participación por clase</title>",
                        "Parte del poder de voto de cada clase que participó")
                .doesNotContain("Accepted:", "Passes with", "Participation per class", "every class quorate", "??");

        String german = page(r.bob(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(german).contains("Angenommen: 100", "Zustimmung, über der Hälfte-Linie, jede Klasse beschlussfähig.",
                        ">Beteiligung je Klasse</title>")
                .doesNotContain("Accepted:", "Participation per class", "??");
    }

    @Test
    void aProblemPageAndARefusalSpeakTheReadersLanguage() {
        profile(r.bob(), "Europe/Berlin", "de");
        PageSession.Answer missing = signedIn(r.bob()).get("/cooperatives/{c}/proposals/{p}", r.coop(), "no-such-proposal");
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"de\">", ">Nicht gefunden<").doesNotContain(">Not found<", "no proposal");

        String outsider = unique("outsider");
        createAccount(outsider, "Outsider");
        profile(outsider, "Europe/Madrid", "es");
        PageSession.Answer forbidden = signedIn(outsider).get("/cooperatives/{c}", r.coop());
        assertThat(forbidden.code()).isEqualTo(403);
        assertThat(forbidden.body()).as("the refusal's code cooperative.forbidden, said in Spanish")
                .contains(">No te corresponde verlo<", "Solo ciertos socios de esta cooperativa pueden ver esto.")
                .doesNotContain("Not yours to see", "may see this");
    }

    @Test
    void aNotificationIsShownInTheReadersLanguageWithTheTimeInTheirZone() throws InterruptedException {
        profile(r.bob(), "Europe/Berlin", "de");
        String p = propose(r, "Solardach", ",\"votingClosesAt\":\"2030-01-15T18:00:00Z\"");
        act(r, p, "opening");

        String inbox = "";
        for (int tries = 0; tries < 100 && !inbox.contains("data-kind=\"VOTE_OPENED\""); tries++) {
            Thread.sleep(100);
            inbox = page(r.bob(), "/notifications");
        }
        assertThat(inbox).contains("Abstimmung offen: Solardach",
                        "Die Abstimmung über „Solardach“ ist offen bis 15. Jan. 2030, 19:00 MEZ. Deine Stimmkraft: 1.")
                .doesNotContain("Vote open:", "Voting on", "Your voting power", "??");
    }

    @Test
    void theLiveTallyScriptGetsItsWordsFromThePageInTheReadersLanguage() {
        profile(r.alice(), "Europe/Madrid", "es");
        String p = propose(r, "Huerto", "");
        act(r, p, "opening");

        String spanish = page(r.alice(), "/cooperatives/{c}/proposals/{p}", r.coop(), p);
        String words = spanish.substring(spanish.indexOf("data-words=\""));
        words = words.substring(0, words.indexOf("\">")).replace("&quot;", "\"");
        assertThat(words).contains("\"met\":\"alcanzado\"", "\"notYet\":\"todavía no\"",
                        "\"undecided\":\"Sin decidir mientras la votación está abierta\"", "\"outcomeLine\":\"Resultado: {0}\"",
                        "\"exactly\":\"exactamente {0}\"", "\"CLOSED\":\"cerrada\"")
                .doesNotContain("Undecided", "not yet");
        assertThat(page(r.bob(), "/cooperatives/{c}/proposals/{p}", r.coop(), p)).as("English for an English reader")
                .contains("&quot;notYet&quot;:&quot;not yet&quot;");
    }

    @Test
    void aRefusedFormIsExplainedInTheReadersLanguage() {
        profile(r.bob(), "Europe/Berlin", "de");
        PageSession.Answer refused = signedIn(r.bob()).post("/cooperatives/{c}/ledger/contributions", Map.of("project", "depot",
                "type", "WORK_HOURS", "quantity", "0", "description", "wiring", "occurredOn", "2026-01-05"), r.coop());
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).as("the core's contribution.quantity-not-positive, said in German")
                .contains("Die Menge ist eine Zahl größer als 0.").doesNotContain("quantity is a number greater than 0");
    }

    private String login(String acceptLanguage) {
        var request = http.get().uri("/login");
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private void profile(String who, String zone, String language) {
        http.put().uri("/api/v1/accounts/me/profile").headers(as(who)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"" + who + "\",\"timeZone\":\"" + zone + "\",\"language\":\"" + language + "\"}")
                .exchange().expectStatus().isNoContent();
    }

    private String page(String who, String path, Object... vars) {
        PageSession.Answer answer = signedIn(who).get(path, vars);
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        return answer.body();
    }
}
