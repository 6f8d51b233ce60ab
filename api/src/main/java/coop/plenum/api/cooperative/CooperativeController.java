package coop.plenum.api.cooperative;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.governance.membership.query.CooperativeSummary;
import coop.plenum.governance.membership.query.FindCooperativesOf;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/cooperatives")
@Tag(name = "Cooperatives", description = "Founding a cooperative under a charter; reading it back")
class CooperativeController {

    private final Commands commands;
    private final Queries queries;
    private final CooperativeAccess access;
    private final IdGenerator ids;

    CooperativeController(Commands commands, Queries queries, CooperativeAccess access, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.ids = ids;
    }

    @PostMapping
    @Operation(summary = "Found a cooperative (operator only)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<CooperativeFoundedResponse>> found(@RequestBody FoundCooperativeRequest request,
                                                           @AuthenticationPrincipal PlenumUser operator,
                                                           @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        CooperativeId id = new CooperativeId(ids.newId());
        FoundCooperative command = new FoundCooperative(id, request.name(),
                request.charter() == null ? null : request.charter().toCharter(),
                request.founders() == null ? null : request.founders().stream()
                        .map(f -> f == null ? null : new FounderSeat(accountIdOrNull(f.accountId()), f.classId())).toList(),
                accountIdOrNull(request.secretaryAccountId()));
        return commands.send(command, operator.caller(correlation))
                .thenReturn(ResponseEntity.created(URI.create("/api/v1/cooperatives/" + id.value()))
                        .body(new CooperativeFoundedResponse(id.value())));
    }

    @GetMapping
    @Operation(summary = "The cooperatives where the signed-in account is a member or holds a role")
    Mono<List<CooperativeSummaryResponse>> mine(@AuthenticationPrincipal PlenumUser user) {
        return queries.many(new FindCooperativesOf(user.accountId()), CooperativeSummary.class)
                .map(list -> list.stream().map(s -> new CooperativeSummaryResponse(s.cooperativeId().value(), s.name(),
                        s.myStatus() == null ? null : s.myStatus().name(), s.myRoles().stream().map(Enum::name).toList(),
                        s.memberCount())).toList());
    }

    @GetMapping("/{cooperativeId}")
    @Operation(summary = "A cooperative's charter and counts (members, secretaries, auditors)")
    Mono<CooperativeResponse> one(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted ->
                queries.many(new FindMembers(granted.cooperative().cooperativeId()), MemberView.class)
                        .map(members -> response(granted, members)));
    }

    private static CooperativeResponse response(CooperativeAccess.Granted granted, List<MemberView> members) {
        var view = granted.cooperative();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byClass = new TreeMap<>();
        view.charter().classes().forEach(c -> byClass.put(c.id(), 0L));
        for (MemberView m : members) {
            byStatus.merge(m.status().name(), 1L, Long::sum);
            if (m.holdsMembership()) {
                byClass.merge(m.classId(), 1L, Long::sum);
            }
        }
        long holding = members.stream().filter(MemberView::holdsMembership).count();
        return new CooperativeResponse(view.cooperativeId().value(), view.name(), view.foundedAt(),
                CharterJson.from(view.charter()), new CooperativeResponse.Counts(holding, byStatus, byClass),
                granted.access().roles().stream().map(Enum::name).toList());
    }

    private static AccountId accountIdOrNull(String value) {
        return value == null || value.isBlank() ? null : new AccountId(value.strip());
    }
}
