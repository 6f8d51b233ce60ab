package coop.plenum.pages;

import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 for the auditor's pages: a Spanish and a German auditor read the workspace, the verification's sentences,
 * the history and a decision's step-through and what-if in their language, while times stay in UTC as in the export
 * and the technical values (event types, the command line, the export format) stay as stored.
 */
class AuditorsReadTheWorkspaceInTheirLanguageTest extends PageScenario {

    private AliceAndBob r;
    private String decided;
    private String spanishAuditor;
    private String germanAuditor;

    @BeforeEach
    void aDecidedVoteAndTwoAuditors() {
        r = riversideWithAliceAndBob();
        decided = propose(r, "Tejado solar", "");
        act(r, decided, "opening");
        vote(r, decided, r.alice(), r.aliceMember(), "YES");
        vote(r, decided, r.bob(), r.bobMember(), "NO");
        act(r, decided, "closing");
        spanishAuditor = auditor("Europe/Madrid", "es");
        germanAuditor = auditor("Europe/Berlin", "de");
    }

    private String auditor(String zone, String language) {
        String username = unique("auditor");
        String accountId = createAccount(username, username);
        new Cooperators(http).setRoles(r.alice(), r.coop(), accountId, "[\"AUDITOR\"]");
        http.put().uri("/api/v1/accounts/me/profile").headers(as(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"" + username + "\",\"timeZone\":\"" + zone + "\",\"language\":\"" + language + "\"}")
                .exchange().expectStatus().isNoContent();
        return username;
    }

    @Test
    void aSpanishAuditorReadsTheWorkspaceAndTheVerificationInSpanish() {
        PageSession page = signedIn(spanishAuditor);
        PageSession.Answer workspace = page.get("/cooperatives/{c}/audit", r.coop());
        assertThat(workspace.code()).as("%s", workspace).isEqualTo(200);
        assertThat(workspace.body()).contains("<html lang=\"es\">", "<h1>Auditoría</h1>", "cadena de hashes", ">Verificar ahora<",
                        "Exportación y verificación sin conexión", "Descargar la clave pública", "<code>plenum-audit-export-v1</code>",
                        ">Clave pública<", ">cerrada<", ">aceptada<", "java -jar plenum.jar audit verify audit-" + r.coop() + ".ndjson")
                .doesNotContain("lang=\"en\"", "Verify now", "Export and verify offline", "Public key", ">closed<", "??");

        PageSession.Answer verified = page.post("/cooperatives/{c}/audit/verification", Map.of(), r.coop());
        assertThat(verified.code()).as("%s", verified).isEqualTo(200);
        assertThat(verified.body()).containsAnyOf("OK: el historial guardado es el historial que se encadenó y firmó.",
                        "FALLO: el historial guardado difiere")
                .contains("Comprobados con la cadena: ", "La cabeza de la cadena es ", ">Eventos comprobados<")
                .doesNotContain("checked against the chain", "The chain head is", "??");

        String history = page.get("/cooperatives/{c}/audit/history", r.coop()).body();
        assertThat(history).contains("<h1>Historial</h1>", "Las horas están en UTC.", ">Desde (UTC)<", ">Hash del evento<",
                        "eventos encadenados en total", "data-kind=\"BallotCast\"")
                .doesNotContain("Times are UTC", "From (UTC)", "events chained in all", "??");
    }

    @Test
    void aGermanAuditorStepsThroughADecisionAndReTalliesItInGerman() {
        PageSession page = signedIn(germanAuditor);
        String closed = page.get("/cooperatives/{c}/audit/proposals/{p}", r.coop(), decided).body();
        assertThat(closed).contains("<html lang=\"de\">", "Die Auszählung, Stimmzettel für Stimmzettel", "Abstimmungsereignis 4 von 4",
                        "angenommen · Zustimmung 0.600000", ">Stand (UTC)<", "Was wäre, wenn die Regeln anders gewesen wären?",
                        "wie es war (SIMPLE_MAJORITY)", "Abstimmung geschlossen")
                .doesNotContain("lang=\"en\"", "The tally, ballot by ballot", "Voting event", "What if the rules", "as it was", "??");
        assertThat(page.get("/cooperatives/{c}/audit/proposals/{p}?step=1", r.coop(), decided).body())
                .as("the ballot's choice stays as stored").contains(" stimmte YES").doesNotContain(" voted YES");

        PageSession.Answer badTime = page.get("/cooperatives/{c}/audit/proposals/{p}?asOf={t}", r.coop(), decided, "gestern");
        assertThat(badTime.code()).isEqualTo(400);
        assertThat(badTime.body()).contains("Eine Zeit wird in UTC angegeben").doesNotContain("asOf is a UTC time");

        PageSession.Answer whatIf = page.post("/cooperatives/{c}/audit/proposals/{p}/what-if",
                Map.of("threshold", "TWO_THIRDS", "delegation", "off"), r.coop(), decided);
        assertThat(whatIf.code()).as("%s", whatIf).isEqualTo(200);
        assertThat(whatIf.body()).contains("HYPOTHETISCH — nicht die Entscheidung; nichts wurde gespeichert",
                        "angenommen · Zustimmung 3/5", "abgelehnt · Zustimmung 0.600000", "TWO_THIRDS, WEIGHTED, Delegation aus")
                .doesNotContain("HYPOTHETICAL", "rejected · approval", "delegation off", "??");
    }
}
