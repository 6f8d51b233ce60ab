package coop.plenum.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.audit.ReceiptJson;
import coop.plenum.governance.audit.chain.AuditProofs;
import coop.plenum.governance.membership.Role;
import coop.plenum.kernel.NotFound;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;

/**
 * A receipt with its inclusion proof, for the API and the member's pages alike. Who may have it: the person whose
 * action the event records (its {@code actor}: a ballot's voter, never another member), the cooperative's auditors,
 * and the operator.
 */
@Component
public class ReceiptProofs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditProofs proofs;
    private final CooperativeAccess access;

    ReceiptProofs(AuditProofs proofs, CooperativeAccess access) {
        this.proofs = proofs;
        this.access = access;
    }

    /** 404 if no chained event of the cooperative sits there, 403 if not the caller's to see, 409 until signed. */
    public Mono<JsonNode> of(String cooperativeId, long position, PlenumUser user) {
        return access.existing(cooperativeId).then(Mono.fromCallable(() -> proofs.entry(position)
                        .filter(e -> e.cooperativeId().equals(cooperativeId))
                        .orElseThrow(() -> new NotFound("audit.event-not-found", "no chained event of this cooperative at position " + position)))
                .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(entry -> mayRead(cooperativeId, entry, user)
                        .then(Mono.fromCallable(() -> (JsonNode) ReceiptJson.write(proofs.receipt(entry))).subscribeOn(Schedulers.boundedElastic())));
    }

    private Mono<Void> mayRead(String cooperativeId, AuditProofs.Entry entry, PlenumUser user) {
        // the person whose action it is may always have proof of it; auditors and the operator of anything
        if (user.operator() || user.accountId().value().equals(actorOf(entry))) {
            return Mono.empty();
        }
        return access.requireAnyRole(cooperativeId, user, Role.AUDITOR).then();
    }

    private static String actorOf(AuditProofs.Entry entry) {
        try {
            return entry.metaData() == null ? null : JSON.readTree(entry.metaData()).path("actor").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
