package coop.plenum.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.audit.MemberReceipts;
import coop.plenum.api.audit.MemberReceiptsPage;
import coop.plenum.api.audit.ReceiptProofs;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.audit.chain.AuditKey;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.query.FindProposals;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "My receipts": the signed-in member's ballot events with their hashes, which ballot counts, and each receipt with
 * its inclusion proof to download and check offline, with the node's public key next to them.
 */
@Controller
class ReceiptPages {

    static final int PAGE_SIZE = 20;

    private final CooperativeAccess access;
    private final Queries queries;
    private final MemberReceipts receipts;
    private final ReceiptProofs proofs;
    private final AuditKey key;
    private final ObjectMapper json;

    ReceiptPages(CooperativeAccess access, Queries queries, MemberReceipts receipts, ReceiptProofs proofs, AuditKey key, ObjectMapper json) {
        this.access = access;
        this.queries = queries;
        this.receipts = receipts;
        this.proofs = proofs;
        this.key = key;
        this.json = json;
    }

    @GetMapping("/cooperatives/{cooperativeId}/receipts")
    Mono<String> mine(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        int page = pageNumber(exchange.getRequest().getQueryParams().getFirst("page"));
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            MemberId me = granted.access().memberId();
            if (me == null) {
                return Mono.error(new NotAllowed("receipts.members-only", "only members have ballot receipts"));
            }
            return Mono.zip(receipts.page(cooperativeId, me, page * PAGE_SIZE, PAGE_SIZE),
                            queries.many(new FindProposals(granted.cooperative().cooperativeId(), null), ProposalSummary.class))
                    .map(found -> {
                        MemberReceiptsPage shown = found.getT1();
                        Map<String, String> titles = found.getT2().stream()
                                .collect(Collectors.toMap(s -> s.proposalId().value(), ProposalSummary::title, (a, b) -> a));
                        model.addAttribute("user", user);
                        model.addAttribute("coop", granted.cooperative());
                        model.addAttribute("receipts", shown.receipts());
                        model.addAttribute("total", shown.total());
                        model.addAttribute("titles", titles);
                        model.addAttribute("page", page);
                        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < shown.total());
                        return "receipts";
                    });
        });
    }

    /** A page number from the address; anything else is the first page (a 400 would help nobody reading a list). */
    private static int pageNumber(String value) {
        try {
            int n = value == null ? 0 : Integer.parseInt(value.strip());
            return n < 0 || n > 1_000_000 ? 0 : n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The receipt with its inclusion proof, as {@code plenum audit receipt} reads it; the caller's own ballots only. */
    @GetMapping("/cooperatives/{cooperativeId}/receipts/{position}/download")
    Mono<ResponseEntity<String>> download(@PathVariable String cooperativeId, @PathVariable String position,
                                          @AuthenticationPrincipal PlenumUser user) {
        long at = positionOf(position);
        return proofs.of(cooperativeId, at, user).map(receipt -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plenum-receipt-" + at + ".json\"")
                .body(receipt.toPrettyString()));
    }

    private static long positionOf(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new NotFound("audit.event-not-found", "no event at position " + position);
        }
    }

    /** This node's checkpoint key, in the form {@code GET /api/v1/audit/public-key} answers, for members signed in here. */
    @GetMapping("/cooperatives/{cooperativeId}/receipts/public-key")
    Mono<ResponseEntity<String>> publicKey(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).map(granted -> {
            byte[] raw = key.publicKey();
            var body = json.createObjectNode().put("algorithm", "Ed25519").put("keyId", key.keyId())
                    .put("publicKey", Base64.getEncoder().encodeToString(raw)).put("publicKeyHex", HexFormat.of().formatHex(raw));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plenum-public-key-" + key.keyId() + ".json\"")
                    .body(body.toPrettyString());
        });
    }
}
