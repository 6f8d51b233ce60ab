package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.audit.chain.AuditExport;
import coop.plenum.governance.audit.chain.AuditHistory;
import coop.plenum.governance.audit.chain.AuditKey;
import coop.plenum.governance.audit.chain.AuditVerifier;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.proposal.query.FindProposals;
import coop.plenum.governance.proposal.query.ProposalSummary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auditor's workspace: "verify now" and its result in sentences, the export with the command that checks it
 * offline, the node's public key and the latest signed checkpoint, and the cooperative's decisions to step through
 * or re-tally under other rules.
 */
@Controller
class AuditWorkspacePage {

    static final String PUBLIC_KEY_FILE = "plenum-public-key.json";

    private final AuditorAccess auditors;
    private final Queries queries;
    private final AuditVerifier verifier;
    private final AuditExport export;
    private final AuditHistory history;
    private final AuditKey key;

    AuditWorkspacePage(AuditorAccess auditors, Queries queries, AuditVerifier verifier, AuditExport export, AuditHistory history,
                       AuditKey key) {
        this.auditors = auditors;
        this.queries = queries;
        this.verifier = verifier;
        this.export = export;
        this.history = history;
        this.key = key;
    }

    @GetMapping("/cooperatives/{cooperativeId}/audit")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return auditors.require(cooperativeId, user).flatMap(coop -> render(coop, user, model, null));
    }

    /** Verification reads every event of the chain, so it runs when asked, not on every visit. */
    @PostMapping("/cooperatives/{cooperativeId}/audit/verification")
    Mono<String> verify(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return auditors.require(cooperativeId, user).flatMap(coop -> Mono.fromCallable(() -> verifier.verify(cooperativeId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> render(coop, user, model, VerificationReport.of(result, Words.of(model)))));
    }

    private Mono<String> render(CooperativeView coop, PlenumUser user, Model model, VerificationReport verification) {
        String id = coop.cooperativeId().value();
        return Mono.zip(queries.many(new FindProposals(coop.cooperativeId(), null), ProposalSummary.class),
                        Mono.fromCallable(() -> new Chain(history.chainLength(id), history.latestCheckpoint(id).orElse(null)))
                                .subscribeOn(Schedulers.boundedElastic()))
                .map(found -> {
                    model.addAttribute("user", user);
                    model.addAttribute("coop", coop);
                    model.addAttribute("verification", verification);
                    model.addAttribute("chainLength", found.getT2().length());
                    model.addAttribute("checkpoint", found.getT2().checkpoint());
                    model.addAttribute("keyId", key.keyId());
                    model.addAttribute("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
                    model.addAttribute("publicKeyHex", HexFormat.of().formatHex(key.publicKey()));
                    model.addAttribute("exportFile", exportFile(id));
                    model.addAttribute("verifyCommand", verifyCommand(id));
                    model.addAttribute("decisions", found.getT1().stream().filter(p -> p.votingOpensAt() != null || p.outcome() != null)
                            .sorted(Comparator.comparing(ProposalSummary::submittedAt).reversed()).toList());
                    return "audit";
                });
    }

    private record Chain(long length, AuditVerifier.CheckpointView checkpoint) {
    }

    /** The offline check, as typed in any language's shell: a command line is not translated. */
    static String verifyCommand(String cooperativeId) {
        return "java -jar plenum.jar audit verify " + exportFile(cooperativeId) + " --public-key " + PUBLIC_KEY_FILE;
    }

    static String exportFile(String cooperativeId) {
        return "audit-" + cooperativeId + ".ndjson";
    }

    /** The export the API streams, for a browser session: one database cursor, read as the browser downloads. */
    @GetMapping(value = "/cooperatives/{cooperativeId}/audit/export.ndjson", produces = "application/x-ndjson")
    @ResponseBody
    Mono<ResponseEntity<Flux<String>>> export(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return auditors.require(cooperativeId, user).map(coop -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + exportFile(cooperativeId) + "\"")
                .body(Flux.using(() -> export.open(cooperativeId),
                                lines -> Flux.fromIterable(() -> lines).map(line -> line + "\n"),
                                AuditExport.Lines::close)
                        .subscribeOn(Schedulers.boundedElastic())));
    }

    /** The key that signs checkpoints, as {@code GET /api/v1/audit/public-key} answers it: {@code audit verify} reads this file. */
    @GetMapping(value = "/audit/public-key.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> publicKey() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("algorithm", "Ed25519");
        body.put("keyId", key.keyId());
        body.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
        body.put("publicKeyHex", HexFormat.of().formatHex(key.publicKey()));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + PUBLIC_KEY_FILE + "\"")
                .body(body);
    }
}
