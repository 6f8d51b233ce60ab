package coop.plenum.api.membership;

import coop.plenum.api.ledger.LedgerOfCooperative;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Locations;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.AdmitMember;
import coop.plenum.governance.membership.ApplyForMembership;
import coop.plenum.governance.membership.ChangeMemberClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.ReinstateMember;
import coop.plenum.governance.membership.RejectApplication;
import coop.plenum.governance.membership.SetRoles;
import coop.plenum.governance.membership.SuspendMember;
import coop.plenum.governance.membership.WithdrawMembership;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.List;

/**
 * Membership lifecycle and roles. Who may issue each command is decided by the Cooperative aggregate from the
 * authenticated caller (403 for the wrong person, 409 for the wrong state); reads need a role here.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}")
@Tag(name = "Membership", description = "Applications, admission, suspension, withdrawal, classes and roles")
class MembershipController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;
    private final Queries queries;
    private final CooperativeAccess access;
    private final IdGenerator ids;
    private final LedgerOfCooperative ledgers;

    MembershipController(Commands commands, Queries queries, CooperativeAccess access, IdGenerator ids,
                         LedgerOfCooperative ledgers) {
        this.ledgers = ledgers;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.ids = ids;
    }

    @PostMapping("/applications")
    @Operation(summary = "Apply to join, in a stakeholder class (any account)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<ApplicationResponse>> apply(@PathVariable String cooperativeId, @RequestBody ApplicationRequest request,
                                                    @AuthenticationPrincipal PlenumUser user,
                                                    @RequestHeader(value = CORRELATION, required = false) String correlation) {
        MemberId memberId = new MemberId(ids.newId());
        return commands.send(new ApplyForMembership(new CooperativeId(cooperativeId), memberId, user.accountId(), request.classId()),
                        user.caller(correlation))
                .thenReturn(ResponseEntity.created(Locations.of("/api/v1/cooperatives/{c}/members/{m}", cooperativeId, memberId.value()))
                        .body(new ApplicationResponse(memberId.value())));
    }

    @PostMapping("/members/{memberId}/admission")
    @Operation(summary = "Admit an applicant (secretary; SECRETARY admission policy only)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> admit(@PathVariable String cooperativeId, @PathVariable String memberId,
                                     @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return noContent(member(cooperativeId, memberId, AdmitMember::new), user, correlation);
    }

    @PostMapping("/members/{memberId}/rejection")
    @Operation(summary = "Reject an application (secretary)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> reject(@PathVariable String cooperativeId, @PathVariable String memberId,
                                      @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return noContent(member(cooperativeId, memberId, RejectApplication::new), user, correlation);
    }

    @PostMapping("/members/{memberId}/suspension")
    @Operation(summary = "Suspend an active member (secretary)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> suspend(@PathVariable String cooperativeId, @PathVariable String memberId,
                                       @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return noContent(member(cooperativeId, memberId, SuspendMember::new), user, correlation);
    }

    @PostMapping("/members/{memberId}/reinstatement")
    @Operation(summary = "Reinstate a suspended member (secretary)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> reinstate(@PathVariable String cooperativeId, @PathVariable String memberId,
                                         @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return noContent(member(cooperativeId, memberId, ReinstateMember::new), user, correlation);
    }

    @PostMapping("/members/{memberId}/withdrawal")
    @Operation(summary = "Withdraw from the cooperative (the member themselves)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> withdraw(@PathVariable String cooperativeId, @PathVariable String memberId,
                                        @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return noContent(member(cooperativeId, memberId, WithdrawMembership::new), user, correlation);
    }

    @PutMapping("/members/{memberId}/class")
    @Operation(summary = "Move an active member to another stakeholder class (secretary)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> changeClass(@PathVariable String cooperativeId, @PathVariable String memberId,
                                           @RequestBody ClassChangeRequest request, @AuthenticationPrincipal PlenumUser user,
                                           @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return noContent(new ChangeMemberClass(new CooperativeId(cooperativeId), new MemberId(memberId), request.classId()), user, correlation);
    }

    @PutMapping("/roles/{accountId}")
    @Operation(summary = "Set the roles (SECRETARY, AUDITOR) an account holds here (secretary); an auditor need not be a member")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> setRoles(@PathVariable String cooperativeId, @PathVariable String accountId,
                                        @RequestBody RolesRequest request, @AuthenticationPrincipal PlenumUser user,
                                        @RequestHeader(value = CORRELATION, required = false) String correlation) {
        if (request.roles() == null) {
            return Mono.error(new InvalidInput("roles", "roles.missing", "roles is a list of SECRETARY and AUDITOR, possibly empty"));
        }
        int missing = request.roles().indexOf(null);
        if (missing >= 0) {
            return Mono.error(new InvalidInput("roles[" + missing + "]", "roles.not-assignable", "roles are a list of SECRETARY and AUDITOR"));
        }
        var roles = request.roles().isEmpty() ? EnumSet.noneOf(coop.plenum.governance.membership.Role.class) : EnumSet.copyOf(request.roles());
        return noContent(new SetRoles(new CooperativeId(cooperativeId), new AccountId(accountId), roles), user, correlation);
    }

    @GetMapping("/members")
    @Operation(summary = "The member directory (members, secretaries, auditors)")
    Mono<List<MemberJson>> members(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted ->
                queries.many(new FindMembers(granted.cooperative().cooperativeId()), MemberView.class)
                        .zipWith(ledgers.powerNow(granted.cooperative().cooperativeId(), granted.cooperative().charter().votingPower()))
                        .map(t -> t.getT1().stream().map(m -> MemberJson.of(m, t.getT2().powerOf(m.memberId().value()), false)).toList()));
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "One member, with the history of their membership")
    Mono<MemberJson> member(@PathVariable String cooperativeId, @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted ->
                queries.one(new FindMember(granted.cooperative().cooperativeId(), new MemberId(memberId)), MemberView.class)
                        .switchIfEmpty(Mono.error(() -> new NotFound("membership.not-found", "no member '" + memberId + "' here")))
                        .zipWith(ledgers.powerNow(granted.cooperative().cooperativeId(), granted.cooperative().charter().votingPower()))
                        .map(t -> MemberJson.of(t.getT1(), t.getT2().powerOf(t.getT1().memberId().value()), true)));
    }

    private static <C> C member(String cooperativeId, String memberId, java.util.function.BiFunction<CooperativeId, MemberId, C> command) {
        return command.apply(new CooperativeId(cooperativeId), new MemberId(memberId));
    }

    private Mono<ResponseEntity<Void>> noContent(Object command, PlenumUser user, String correlation) {
        return commands.send(command, user.caller(correlation)).then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }
}
