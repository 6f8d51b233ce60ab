package coop.plenum.api.audit;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.audit.chain.AuditVerifier;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.kernel.NotAllowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** Tamper evidence: the log checked against its audit chain, for a cooperative's auditors and the operator. */
@RestController
@Tag(name = "Audit", description = "Verify that the stored history is the history that happened")
class AuditController {

    private final AuditVerifier verifier;
    private final CooperativeAccess access;

    AuditController(AuditVerifier verifier, CooperativeAccess access) {
        this.verifier = verifier;
        this.access = access;
    }

    @GetMapping("/api/v1/cooperatives/{cooperativeId}/audit/verification")
    @Operation(summary = "Check every stored event of the cooperative against its audit chain (auditors, the operator)")
    Mono<AuditVerifier.Verification> verify(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        Mono<?> allowed = user.operator() ? access.existing(cooperativeId) : access.requireAnyRole(cooperativeId, user, Role.AUDITOR);
        return allowed.then(Mono.fromCallable(() -> verifier.verify(cooperativeId)).subscribeOn(Schedulers.boundedElastic()));
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Check every chain in the log: each cooperative's and the platform's (operator only)")
    Mono<List<AuditVerifier.Verification>> verifyAll(@AuthenticationPrincipal PlenumUser user) {
        if (!user.operator()) {
            return Mono.error(new NotAllowed("audit.operator-only", "only the operator verifies every cooperative at once"));
        }
        return Mono.fromCallable(verifier::verifyAll).subscribeOn(Schedulers.boundedElastic());
    }
}
