package coop.plenum.api.audit;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.audit.ReceiptJson;
import coop.plenum.governance.audit.chain.AuditExport;
import coop.plenum.governance.audit.chain.AuditProofs;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.RequestParam;
import coop.plenum.governance.audit.chain.AuditKey;
import coop.plenum.governance.audit.chain.AuditVerifier;
import coop.plenum.governance.membership.Role;
import coop.plenum.kernel.NotAllowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** Tamper evidence: the log checked against its audit chain, for a cooperative's auditors and the operator. */
@RestController
@Tag(name = "Audit", description = "Verify that the stored history is the history that happened")
class AuditController {

    private final AuditVerifier verifier;
    private final CooperativeAccess access;
    private final AuditKey key;
    private final AuditExport export;
    private final AuditProofs proofs;
    private final ReceiptProofs receiptProofs;

    AuditController(AuditVerifier verifier, CooperativeAccess access, AuditKey key, AuditExport export, AuditProofs proofs,
                    ReceiptProofs receiptProofs) {
        this.receiptProofs = receiptProofs;
        this.verifier = verifier;
        this.access = access;
        this.key = key;
        this.export = export;
        this.proofs = proofs;
    }

    /** The key that signs checkpoints: raw Ed25519 public key bytes, in base64 and hex. */
    record PublicKeyResponse(String algorithm, String keyId, String publicKey, String publicKeyHex) {
    }

    @GetMapping("/api/v1/audit/public-key")
    @Operation(summary = "The Ed25519 public key that signs this node's checkpoints")
    PublicKeyResponse publicKey() {
        byte[] raw = key.publicKey();
        return new PublicKeyResponse("Ed25519", key.keyId(), java.util.Base64.getEncoder().encodeToString(raw),
                java.util.HexFormat.of().formatHex(raw));
    }

    @GetMapping("/api/v1/cooperatives/{cooperativeId}/audit/verification")
    @Operation(summary = "Check every stored event of the cooperative against its audit chain (auditors, the operator)")
    Mono<AuditVerifier.Verification> verify(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        Mono<?> allowed = user.operator() ? access.existing(cooperativeId) : access.requireAnyRole(cooperativeId, user, Role.AUDITOR);
        return allowed.then(Mono.fromCallable(() -> verifier.verify(cooperativeId)).subscribeOn(Schedulers.boundedElastic()));
    }

    private static final int EXPORT_CHUNK_LINES = 256;

    @GetMapping(value = "/api/v1/cooperatives/{cooperativeId}/audit/events", produces = "application/x-ndjson")
    @Operation(summary = "The cooperative's chained history as NDJSON, with its signed checkpoints (format: docs/audit.md)")
    Flux<String> export(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        Mono<?> allowed = user.operator() ? access.existing(cooperativeId) : access.requireAnyRole(cooperativeId, user, Role.AUDITOR);
        // one database cursor per export, read as the client reads: constant memory however long the history
        return allowed.thenMany(Flux.using(() -> export.open(cooperativeId),
                        // written in chunks of lines: a buffer per line costs more than the line
                        lines -> Flux.fromIterable(() -> lines).buffer(EXPORT_CHUNK_LINES)
                                .map(chunk -> String.join("\n", chunk) + "\n"),
                        AuditExport.Lines::close)
                .subscribeOn(Schedulers.boundedElastic()));
    }

    @GetMapping("/api/v1/cooperatives/{cooperativeId}/audit/receipts/{position}")
    @Operation(summary = "A receipt for the event at a log position: its hash, a signed checkpoint and the inclusion proof "
            + "(auditors, the operator, and whoever's action the event records: a member gets their own ballots' and no one "
            + "else's); 409 audit.not-yet-signed until a checkpoint covers it")
    Mono<JsonNode> receipt(@PathVariable String cooperativeId, @PathVariable long position, @AuthenticationPrincipal PlenumUser user) {
        return receiptProofs.of(cooperativeId, position, user);
    }

    @GetMapping("/api/v1/cooperatives/{cooperativeId}/audit/consistency")
    @Operation(summary = "RFC 6962 proof that the checkpoint after `to` events extends the one after `from` (auditors, operator)")
    Mono<JsonNode> consistency(@PathVariable String cooperativeId, @RequestParam long from, @RequestParam long to,
                               @AuthenticationPrincipal PlenumUser user) {
        Mono<?> allowed = user.operator() ? access.existing(cooperativeId) : access.requireAnyRole(cooperativeId, user, Role.AUDITOR);
        return allowed.then(Mono.fromCallable(() -> {
            AuditProofs.ConsistencyProof proof = proofs.consistency(cooperativeId, from, to);
            com.fasterxml.jackson.databind.node.ObjectNode out = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            out.set("from", ReceiptJson.checkpoint(proof.from()));
            out.set("to", ReceiptJson.checkpoint(proof.to()));
            var array = out.putArray("proof");
            proof.proof().forEach(p -> array.add(java.util.HexFormat.of().formatHex(p)));
            return (JsonNode) out;
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Check every chain in the log: each cooperative's and the platform's (operator only)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "every chain's verification")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403", description = "not the operator")
    Mono<List<AuditVerifier.Verification>> verifyAll(@AuthenticationPrincipal PlenumUser user) {
        if (!user.operator()) {
            return Mono.error(new NotAllowed("audit.operator-only", "only the operator verifies every cooperative at once"));
        }
        return Mono.fromCallable(verifier::verifyAll).subscribeOn(Schedulers.boundedElastic());
    }
}
