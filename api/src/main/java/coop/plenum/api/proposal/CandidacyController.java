package coop.plenum.api.proposal;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.AcceptNomination;
import coop.plenum.governance.proposal.NominateCandidate;
import coop.plenum.governance.proposal.WithdrawCandidacy;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * SPEC "Voting methods", ELECTION: candidacies during deliberation. Who may do what (ACTIVE members nominate, the
 * nominee accepts or withdraws, a candidate stands for their own class, and only for a class with seats) is decided
 * by the Proposal aggregate; the candidacies are read with the proposal ({@code candidacies}).
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/candidates")
@Tag(name = "Proposals")
class CandidacyController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;

    CandidacyController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Nominate a candidate in an ELECTION during deliberation (ACTIVE members; your own member id to "
            + "stand yourself, accepted at once; another member's, who then accepts); 409 when the proposal is no election, "
            + "not in deliberation, the member is not ACTIVE or nominated already, or their class has no seats")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> nominate(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                        @RequestBody(required = false) NominationRequest request,
                                        @AuthenticationPrincipal PlenumUser user,
                                        @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return Mono.fromCallable(() -> {
            if (request == null || request.memberId() == null || request.memberId().isBlank()) {
                throw new InvalidInput("memberId", "candidacy.candidate-missing", "memberId names the member nominated");
            }
            return new NominateCandidate(new ProposalId(proposalId), new MemberId(request.memberId()));
        }).flatMap(command -> send(cooperativeId, proposalId, command, user, correlation));
    }

    @PostMapping("/{memberId}/acceptance")
    @Operation(summary = "Accept your nomination (the nominee, during deliberation)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> accept(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                      @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return Mono.fromCallable(() -> new AcceptNomination(new ProposalId(proposalId), new MemberId(memberId)))
                .flatMap(command -> send(cooperativeId, proposalId, command, user, correlation));
    }

    @PostMapping("/{memberId}/withdrawal")
    @Operation(summary = "Withdraw your candidacy or decline your nomination (the nominee, during deliberation)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> withdraw(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                        @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user,
                                        @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return Mono.fromCallable(() -> new WithdrawCandidacy(new ProposalId(proposalId), new MemberId(memberId)))
                .flatMap(command -> send(cooperativeId, proposalId, command, user, correlation));
    }

    private Mono<ResponseEntity<Void>> send(String cooperativeId, String proposalId, Object command, PlenumUser user,
                                            String correlation) {
        return commands.sendUnder(cooperativeId, command, user.caller(correlation),
                        () -> new NotFound("proposal.not-found", "no proposal '" + proposalId + "' here"))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }
}
