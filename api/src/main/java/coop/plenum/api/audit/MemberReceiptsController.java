package coop.plenum.api.audit;

import coop.plenum.api.security.PlenumUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A member's ballot receipts, for that member alone. */
@RestController
@Tag(name = "Audit", description = "Verify that the stored history is the history that happened")
class MemberReceiptsController {

    private final MemberReceipts receipts;

    MemberReceiptsController(MemberReceipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/cooperatives/{cooperativeId}/members/{memberId}/receipts")
    @Operation(summary = "My receipts: each of my ballot events (newest first) with its log position, event hash, whether it is "
            + "the ballot that counts, and where its inclusion proof is (the member alone; offset ≥ 0, limit 1–100, default 20)")
    Mono<MemberReceiptsPage> list(@PathVariable String cooperativeId, @PathVariable String memberId,
                                  @RequestParam(required = false) String offset, @RequestParam(required = false) String limit,
                                  @AuthenticationPrincipal PlenumUser user) {
        int from = MemberReceipts.bounded(offset, "offset", 0, 0, Integer.MAX_VALUE);
        int size = MemberReceipts.bounded(limit, "limit", MemberReceiptsPage.DEFAULT_LIMIT, 1, MemberReceiptsPage.MAX_LIMIT);
        return receipts.requireOwn(cooperativeId, memberId, user).flatMap(member -> receipts.page(cooperativeId, member, from, size));
    }
}
