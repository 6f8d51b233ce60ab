package coop.plenum.api.ledger;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Locations;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.NotFound;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.EvaluateContribution;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.PointsWindow;
import coop.plenum.ledger.query.ContributionView;
import coop.plenum.ledger.query.FindContribution;
import coop.plenum.ledger.query.FindContributions;
import coop.plenum.kernel.IdGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Contributions, peer evaluations and voting power. Who may log and evaluate (ACTIVE members; never one's own
 * contribution; one verdict each) is decided by the Ledger aggregate from the authenticated caller; reads need a
 * role in the cooperative.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}")
@Tag(name = "Ledger", description = "Contributions, peer evaluation, points and contribution-weighted voting power")
class ContributionController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;
    private final Queries queries;
    private final CooperativeAccess access;
    private final IdGenerator ids;
    private final LedgerOfCooperative ledgers;

    ContributionController(Commands commands, Queries queries, CooperativeAccess access, IdGenerator ids,
                           LedgerOfCooperative ledgers) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.ids = ids;
        this.ledgers = ledgers;
    }

    @PostMapping("/contributions")
    @Operation(summary = "Log a contribution (ACTIVE members): project, type (a charter rate), quantity > 0, description, occurredOn")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<Map<String, String>>> log(@PathVariable String cooperativeId, @RequestBody ContributionRequest request,
                                                  @AuthenticationPrincipal PlenumUser user,
                                                  @RequestHeader(value = CORRELATION, required = false) String correlation) {
        ContributionId id = new ContributionId(ids.newId());
        return access.existing(cooperativeId)
                .map(coop -> new LogContribution(LedgerOfCooperative.ledgerOf(coop.cooperativeId()), id, request.project(),
                        request.type(), request.quantity(), request.description(), request.occurredOn()))
                .flatMap(command -> commands.send(command, user.caller(correlation)))
                .thenReturn(ResponseEntity.created(Locations.of("/api/v1/cooperatives/{c}/contributions/{id}", cooperativeId, id.value()))
                        .body(Map.of("contributionId", id.value())));
    }

    @GetMapping("/contributions")
    @Operation(summary = "The open book's contributions, newest first, optionally of one member, project or status (members, auditors)")
    Mono<List<ContributionJson>> list(@PathVariable String cooperativeId, @RequestParam(required = false) String member,
                                      @RequestParam(required = false) String project,
                                      @RequestParam(required = false) ContributionStatus status,
                                      @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            return queries.many(new FindContributions(LedgerOfCooperative.ledgerOf(coop),
                            member == null || member.isBlank() ? null : new ContributorId(member),
                            project == null || project.isBlank() ? null : project, status), ContributionView.class)
                    .zipWith(ledgers.names(coop))
                    .map(t -> t.getT1().stream().map(c -> ContributionJson.of(c, t.getT2())).toList());
        });
    }

    @GetMapping("/contributions/{contributionId}")
    @Operation(summary = "One contribution with its evaluations (members, auditors)")
    Mono<ContributionJson> one(@PathVariable String cooperativeId, @PathVariable String contributionId,
                               @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user)
                .flatMap(granted -> contribution(granted.cooperative().cooperativeId(), contributionId));
    }

    private Mono<ContributionJson> contribution(CooperativeId coop, String contributionId) {
        return queries.one(new FindContribution(LedgerOfCooperative.ledgerOf(coop), new ContributionId(contributionId)),
                        ContributionView.class)
                .switchIfEmpty(Mono.error(() -> new NotFound("contribution.not-found", "no contribution '" + contributionId + "' here")))
                .zipWith(ledgers.names(coop))
                .map(t -> ContributionJson.of(t.getT1(), t.getT2()));
    }

    @PostMapping("/contributions/{contributionId}/evaluations")
    @Operation(summary = "Evaluate a peer's pending contribution: ACCEPT or REJECT, once (ACTIVE members, never the contributor)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<ContributionJson>> evaluate(@PathVariable String cooperativeId, @PathVariable String contributionId,
                                                    @RequestBody EvaluationRequest request, @AuthenticationPrincipal PlenumUser user,
                                                    @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return access.existing(cooperativeId)
                .flatMap(coop -> commands.send(new EvaluateContribution(LedgerOfCooperative.ledgerOf(coop.cooperativeId()),
                                new ContributionId(contributionId), request.verdict(), request.note()), user.caller(correlation))
                        .then(contribution(coop.cooperativeId(), contributionId)))
                .map(json -> ResponseEntity.created(Locations.of("/api/v1/cooperatives/{c}/contributions/{id}", cooperativeId,
                        contributionId)).body(json));
    }

    @GetMapping("/members/{memberId}/voting-power")
    @Operation(summary = "A member's voting power now, their accepted points and the contributions behind them (members, auditors)")
    Mono<VotingPowerJson> votingPower(@PathVariable String cooperativeId, @PathVariable String memberId,
                                      @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            var rule = granted.cooperative().charter().votingPower();
            return queries.one(new FindMember(coop, new MemberId(memberId)), MemberView.class)
                    .switchIfEmpty(Mono.error(() -> new NotFound("member.not-found", "no member '" + memberId + "' here")))
                    .then(ledgers.powerNow(coop, rule))
                    .zipWith(queries.many(new FindContributions(LedgerOfCooperative.ledgerOf(coop), new ContributorId(memberId), null,
                            ContributionStatus.ACCEPTED), ContributionView.class))
                    .zipWith(ledgers.names(coop))
                    .map(t -> {
                        var power = t.getT1().getT1();
                        List<ContributionJson> counted = t.getT1().getT2().stream()
                                .filter(c -> PointsWindow.counts(c.occurredOn(), c.decidedAt(), power.asOf(), rule.windowDays()))
                                .map(c -> ContributionJson.of(c, t.getT2()))
                                .toList();
                        return new VotingPowerJson(memberId, power.powerOf(memberId).toPlainString(),
                                power.pointsOf(memberId).toPlainString(), power.asOf(), rule.mode().name(),
                                rule.pointsPerVote() == null ? null : rule.pointsPerVote().toPlainString(),
                                rule.maxBonus() == null ? null : rule.maxBonus().toPlainString(), rule.windowDays(), counted);
                    });
        });
    }
}
