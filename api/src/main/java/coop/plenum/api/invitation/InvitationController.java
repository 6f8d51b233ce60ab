package coop.plenum.api.invitation;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.membership.Role;
import coop.plenum.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Invitations over JSON. Inviting, listing, resending and revoking are for the cooperative's secretaries (the
 * cooperative decides, so the wrong person gets 403); accepting is for anyone holding a link, signed in or not.
 */
@RestController
@Tag(name = "Invitations", description = "Single-use, expiring email links that bring a person into a stakeholder class")
class InvitationController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Invitations invitations;
    private final CooperativeAccess access;
    private final Clock clock;

    InvitationController(Invitations invitations, CooperativeAccess access, Clock clock) {
        this.invitations = invitations;
        this.access = access;
        this.clock = clock;
    }

    record InviteeJson(String email, String classId) {
    }

    /** Either {@code invitees} or {@code csv} (lines of {@code email[,classId]}, with {@code classId} as the default). */
    record InviteRequest(List<InviteeJson> invitees, String csv, String classId, Integer validForDays) {
    }

    record SentJson(String invitationId, String email, String classId, java.time.Instant expiresAt, String delivery, String link) {
        static SentJson of(SentInvitation s) {
            return new SentJson(s.invitationId().value(), s.email(), s.classId(), s.expiresAt(), s.delivery().name(), s.link());
        }
    }

    record InvitedResponse(List<SentJson> invitations) {
    }

    record ResendRequest(Integer validForDays) {
    }

    record InvitationJson(String invitationId, String email, String classId, String status, java.time.Instant invitedAt,
                          java.time.Instant expiresAt, int sendings, String accountId, String memberId) {
    }

    /** {@code token} from the link; {@code username}, {@code displayName}, {@code password} only without HTTP Basic. */
    record AcceptRequest(String token, String username, String displayName, String password) {
    }

    record AcceptedResponse(String cooperativeId, String memberId, String accountId, String status) {
    }

    @PostMapping("/api/v1/cooperatives/{cooperativeId}/invitations")
    @Operation(summary = "Invite people by email into stakeholder classes (secretary); at most 500 per request")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<InvitedResponse>> invite(@PathVariable String cooperativeId, @RequestBody InviteRequest request,
                                                 @AuthenticationPrincipal PlenumUser user,
                                                 @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return Mono.fromCallable(() -> lines(request))
                .flatMap(lines -> invitations.invite(cooperativeId, lines, request.validForDays(), user.displayName(), user.caller(correlation)))
                .map(sent -> ResponseEntity.status(HttpStatus.CREATED).body(new InvitedResponse(sent.stream().map(SentJson::of).toList())));
    }

    private static List<InvitationLines.Line> lines(InviteRequest request) {
        boolean hasList = request.invitees() != null && !request.invitees().isEmpty();
        boolean hasCsv = request.csv() != null && !request.csv().isBlank();
        if (hasList == hasCsv) {
            throw new InvalidInput("invitees", "invitation.count-out-of-range", "send either invitees or csv (not both)");
        }
        if (hasCsv) {
            return InvitationLines.parse(request.csv(), request.classId());
        }
        List<InvitationLines.Line> lines = new ArrayList<>();
        for (InviteeJson invitee : request.invitees()) {
            lines.add(invitee == null ? new InvitationLines.Line(0, null, null)
                    : new InvitationLines.Line(0, invitee.email(), invitee.classId() != null ? invitee.classId() : request.classId()));
        }
        return lines;
    }

    @GetMapping("/api/v1/cooperatives/{cooperativeId}/invitations")
    @Operation(summary = "The cooperative's invitations, newest first: PENDING, ACCEPTED, EXPIRED or REVOKED (secretary)")
    Mono<List<InvitationJson>> list(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireAnyRole(cooperativeId, user, Role.SECRETARY)
                .flatMap(granted -> invitations.list(granted.cooperative().cooperativeId()))
                .map(views -> views.stream().map(v -> new InvitationJson(v.invitationId().value(), v.email(), v.classId(),
                        v.statusAt(clock.instant()).name(), v.invitedAt(), v.expiresAt(), v.sendings(),
                        v.accountId() == null ? null : v.accountId().value(), v.memberId() == null ? null : v.memberId().value())).toList());
    }

    @PostMapping("/api/v1/cooperatives/{cooperativeId}/invitations/{invitationId}/resending")
    @Operation(summary = "Send an unused invitation again with a new link; the old link stops working (secretary)")
    Mono<SentJson> resend(@PathVariable String cooperativeId, @PathVariable String invitationId,
                          @RequestBody(required = false) ResendRequest request, @AuthenticationPrincipal PlenumUser user,
                          @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return invitations.resend(cooperativeId, invitationId, request == null ? null : request.validForDays(), user.displayName(),
                user.caller(correlation)).map(SentJson::of);
    }

    @PostMapping("/api/v1/cooperatives/{cooperativeId}/invitations/{invitationId}/revocation")
    @Operation(summary = "Withdraw an unused invitation (secretary)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String cooperativeId, @PathVariable String invitationId,
                                      @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return invitations.revoke(cooperativeId, invitationId, user.caller(correlation)).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/invitations/{invitationId}/acceptance")
    @Operation(summary = "Use an invitation link: as the signed-in account (HTTP Basic), or creating a new account (no credentials)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<AcceptedResponse>> accept(@PathVariable String invitationId, @RequestBody AcceptRequest request,
                                                  @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange,
                                                  @RequestHeader(value = CORRELATION, required = false) String correlation) {
        String client = clientOf(exchange);
        if (request.token() == null || request.token().isBlank()) {
            return Mono.error(new InvalidInput("token", "invitation.token-missing", "token is the last part of the invitation link"));
        }
        Mono<Invitations.Accepted> accepted = user != null
                ? invitations.accept(invitationId, request.token(), user.accountId(), correlation, client)
                : invitations.acceptWithNewAccount(invitationId, request.token(), request.username(), request.displayName(),
                        request.password(), correlation, client);
        return accepted.map(a -> ResponseEntity.status(HttpStatus.CREATED).body(new AcceptedResponse(a.cooperativeId().value(),
                a.memberId().value(), a.accountId().value(), a.admitted() ? "ACTIVE" : "APPLIED")));
    }

    static String clientOf(ServerWebExchange exchange) {
        var address = exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
