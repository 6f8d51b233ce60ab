package coop.plenum.api.delegation;

import coop.plenum.api.ledger.LedgerOfCooperative;
import coop.plenum.api.proposal.ProposalsOfCooperative;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.AsOf;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.delegation.DelegateVote;
import coop.plenum.governance.delegation.RevokeDelegation;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.query.FindVoteProvenance;
import coop.plenum.governance.proposal.query.ProvenanceView;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Liquid delegation: a member delegates their own vote (the cooperative's delegation register decides who may
 * delegate to whom); members and auditors read anyone's delegations (delegates are accountable) and how any member's vote was
 * counted on a proposal.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}")
@Tag(name = "Delegation", description = "Global and per-topic delegations, who represents whom, and how each vote was counted")
class DelegationController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;
    private final Queries queries;
    private final CooperativeAccess access;
    private final LedgerOfCooperative ledgers;
    private final ProposalsOfCooperative proposals;
    private final MemberDelegations memberDelegations;

    DelegationController(Commands commands, Queries queries, CooperativeAccess access, LedgerOfCooperative ledgers,
                         ProposalsOfCooperative proposals, MemberDelegations memberDelegations) {
        this.memberDelegations = memberDelegations;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.ledgers = ledgers;
        this.proposals = proposals;
    }

    @PutMapping("/members/{memberId}/delegations/{scope}")
    @Operation(summary = "Delegate my vote for a topic, or for every topic with scope _global (the member themselves)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> delegate(@PathVariable String cooperativeId, @PathVariable String memberId, @PathVariable String scope,
                                        @RequestBody DelegationRequest request, @AuthenticationPrincipal PlenumUser user,
                                        @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return Mono.fromCallable(() -> new DelegateVote(new CooperativeId(cooperativeId), new MemberId(memberId), scope,
                        delegate(request)))
                .flatMap(command -> commands.send(command, user.caller(correlation)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static MemberId delegate(DelegationRequest request) {
        if (request == null || request.delegateId() == null || request.delegateId().isBlank()) {
            throw new InvalidInput("delegateId", "delegation.delegate-missing", "delegateId names the member to delegate to");
        }
        return new MemberId(request.delegateId());
    }

    @DeleteMapping("/members/{memberId}/delegations/{scope}")
    @Operation(summary = "Revoke my delegation for a topic or _global (always allowed)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String cooperativeId, @PathVariable String memberId, @PathVariable String scope,
                                      @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return commands.send(new RevokeDelegation(new CooperativeId(cooperativeId), new MemberId(memberId), scope), user.caller(correlation))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/members/{memberId}/delegations")
    @Operation(summary = "A member's delegations, who delegates to them, who represents them per topic and whom they represent")
    Mono<DelegationsJson> delegations(@PathVariable String cooperativeId, @PathVariable String memberId,
                                      @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user)
                .flatMap(granted -> memberDelegations.of(granted.cooperative(), new MemberId(memberId)))
                .map(seen -> {
                    Map<String, String> names = new HashMap<>();
                    seen.names().forEach((id, name) -> names.put(id.value(), name));
                    return DelegationsJson.of(seen.overview(), names);
                });
    }

    @GetMapping("/proposals/{proposalId}/tally/members/{memberId}")
    @Operation(summary = "How a member's power was counted: direct, via which chain to whose ballot, or why not (?asOf=)")
    Mono<ProvenanceJson> provenance(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                    @PathVariable String memberId, @RequestParam(required = false) String asOf,
                                    @AuthenticationPrincipal PlenumUser user) {
        Instant instant = AsOf.parse(asOf);
        // NOT_IN_ELECTORATE answers for members of this cooperative only; anyone else is simply not here
        return access.requireReader(cooperativeId, user).flatMap(granted -> proposals.require(cooperativeId, proposalId)
                .then(ledgers.names(new CooperativeId(cooperativeId)))
                .flatMap(names -> names.containsKey(memberId)
                        ? queries.one(new FindVoteProvenance(new ProposalId(proposalId), new MemberId(memberId), instant), ProvenanceView.class)
                                .switchIfEmpty(Mono.error(() -> new StateConflict("proposal.not-voted",
                                        "voting on this proposal had not opened by then")))
                                .map(view -> ProvenanceJson.of(view, names, granted.access().memberId()))
                        : Mono.error(new NotFound("member.not-found", "no member '" + memberId + "' here"))));
    }

}
