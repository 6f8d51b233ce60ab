package coop.plenum.api.invitation;

import coop.plenum.api.account.PasswordPolicy;
import coop.plenum.api.security.AccessTokenSecret;
import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.api.support.Caller;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.ChangeAccountEmail;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.cooperative.query.FindCooperative;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.invitation.AcceptInvitation;
import coop.plenum.governance.invitation.InvitationId;
import coop.plenum.governance.invitation.InvitationRules;
import coop.plenum.governance.invitation.InvitationStatus;
import coop.plenum.governance.invitation.InviteMembers;
import coop.plenum.governance.invitation.Invitee;
import coop.plenum.governance.invitation.ResendInvitation;
import coop.plenum.governance.invitation.RevokeInvitation;
import coop.plenum.governance.invitation.query.FindInvitation;
import coop.plenum.governance.invitation.query.FindInvitations;
import coop.plenum.governance.invitation.query.InvitationView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invitations as one use case for both edges, the JSON API and the pages: make the tokens, send the command, mail
 * the links; show a link to the person who opens it; accept it with a new or an existing account.
 */
@Component
public class Invitations {

    /** What a person who opened a valid link is joining. */
    public record Opened(InvitationView invitation, CooperativeView cooperative, String className) {
    }

    /** The outcome of using a link: the new membership, and whether the invitation already admitted it. */
    public record Accepted(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, boolean admitted) {
    }

    private final Commands commands;
    private final Queries queries;
    private final InvitationMail mail;
    private final IdGenerator ids;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final AnonymousThrottle perClient;

    Invitations(Commands commands, Queries queries, InvitationMail mail, IdGenerator ids, Clock clock, PasswordEncoder passwords,
                @Value("${plenum.invitations.accept-attempts-per-client-per-hour:30}") int attemptsPerClient) {
        this.commands = commands;
        this.queries = queries;
        this.mail = mail;
        this.ids = ids;
        this.clock = clock;
        this.passwords = passwords;
        this.perClient = new AnonymousThrottle(clock, attemptsPerClient, Duration.ofHours(1), 100_000);
    }

    /** Invites these people (all or none); each gets a mail, or the secretary gets the link when it was not mailed. */
    public Mono<List<SentInvitation>> invite(String cooperativeId, List<InvitationLines.Line> lines, Integer validForDays,
                                             String inviterName, Caller caller) {
        return Mono.defer(() -> inviting(cooperativeId, lines, validForDays, inviterName, caller));
    }

    private Mono<List<SentInvitation>> inviting(String cooperativeId, List<InvitationLines.Line> lines, Integer validForDays,
                                                String inviterName, Caller caller) {
        Duration validFor = validity(validForDays);
        List<Invitee> invitees = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (InvitationLines.Line line : lines) {
            String token = newToken();
            tokens.add(token);
            invitees.add(new Invitee(new InvitationId(ids.newId()), line.email(), line.classId(), AccessTokenSecret.sha256(token)));
        }
        InviteMembers command = new InviteMembers(new CooperativeId(safeId(cooperativeId)), invitees, validFor);
        return commands.send(command, caller)
                .onErrorMap(InvalidInput.class, refused -> InvitationLines.byLine(refused, lines))
                .then(cooperative(cooperativeId))
                .flatMap(coop -> Mono.fromCallable(() -> {
                    Instant expiresAt = clock.instant().plus(validFor);
                    List<SentInvitation> sent = new ArrayList<>();
                    for (int i = 0; i < invitees.size(); i++) {
                        Invitee invitee = invitees.get(i);
                        String email = InvitationRules.normalEmail(invitee.email());
                        sent.add(mailed(invitee.invitationId(), email, invitee.classId(), tokens.get(i), coop, inviterName, expiresAt));
                    }
                    return sent;
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** A fresh token and expiry for an unused invitation; the old link stops working. */
    public Mono<SentInvitation> resend(String cooperativeId, String invitationId, Integer validForDays, String inviterName, Caller caller) {
        return Mono.defer(() -> resending(cooperativeId, invitationId, validForDays, inviterName, caller));
    }

    private Mono<SentInvitation> resending(String cooperativeId, String invitationId, Integer validForDays, String inviterName, Caller caller) {
        Duration validFor = validity(validForDays);
        String token = newToken();
        InvitationId id = invitationId(invitationId);
        return commands.send(new ResendInvitation(new CooperativeId(safeId(cooperativeId)), id, AccessTokenSecret.sha256(token), validFor), caller)
                .then(Mono.zip(cooperative(cooperativeId), invitation(id)))
                .flatMap(found -> Mono.fromCallable(() -> mailed(id, found.getT2().email(), found.getT2().classId(), token,
                        found.getT1(), inviterName, clock.instant().plus(validFor))).subscribeOn(Schedulers.boundedElastic()));
    }

    public Mono<Void> revoke(String cooperativeId, String invitationId, Caller caller) {
        return Mono.defer(() -> commands.send(new RevokeInvitation(new CooperativeId(safeId(cooperativeId)), invitationId(invitationId)), caller))
                .then();
    }

    /** The cooperative's invitations, newest first (the caller's secretary role is checked by the edge). */
    public Mono<List<InvitationView>> list(CooperativeId cooperativeId) {
        return queries.many(new FindInvitations(cooperativeId, 2_000), InvitationView.class);
    }

    /**
     * What the link leads to. An unknown id and a wrong token give the same NotFound, so a guess learns nothing; a
     * used, expired or revoked invitation gives a StateConflict that says which.
     */
    public Mono<Opened> open(String invitationId, String token) {
        if (!Ids.isWellFormed(invitationId) || token == null || token.length() > 100) {
            return Mono.error(notValid());
        }
        String hash = AccessTokenSecret.sha256(token);
        return queries.one(new FindInvitation(new InvitationId(invitationId)), InvitationView.class)
                .filter(view -> view.matches(hash))
                .switchIfEmpty(Mono.error(Invitations::notValid))
                .flatMap(view -> {
                    InvitationStatus status = view.statusAt(clock.instant());
                    if (status != InvitationStatus.PENDING) {
                        return Mono.error(new StateConflict("invitation." + status.name().toLowerCase(Locale.ROOT), switch (status) {
                            case ACCEPTED -> "This invitation has already been used. If that was you, sign in.";
                            case EXPIRED -> "This invitation has expired. Ask the cooperative's secretary to send it again.";
                            case REVOKED -> "This invitation was withdrawn by the cooperative's secretary.";
                            case PENDING -> "";
                        }));
                    }
                    return cooperative(view.cooperativeId().value()).map(coop -> new Opened(view, coop,
                            coop.charter().classes().stream().filter(c -> c.id().equals(view.classId())).map(c -> c.name())
                                    .findFirst().orElse(view.classId())));
                });
    }

    /** The signed-in account uses the link. */
    public Mono<Accepted> accept(String invitationId, String token, AccountId accountId, String correlation, String client) {
        return throttled(client).then(open(invitationId, token)).flatMap(opened -> accepted(opened, token, accountId, correlation));
    }

    /** Someone without an account uses the link: the account is created, then the invitation accepted as that account. */
    public Mono<Accepted> acceptWithNewAccount(String invitationId, String token, String username, String displayName,
                                               String password, String correlation, String client) {
        AccountId accountId = new AccountId(ids.newId());
        return throttled(client).then(open(invitationId, token)).flatMap(opened -> Mono.fromCallable(() -> {
                            PasswordPolicy.assertAcceptable(password);
                            String name = username == null ? null : username.strip();
                            if (name != null && !name.equals(name.toLowerCase(Locale.ROOT))) {
                                throw new InvalidInput("username", "account.username-invalid", "usernames are lowercase");
                            }
                            return new CreateAccount(accountId, name, displayName, passwords.encode(password), false);
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(create -> commands.send(create, new Caller(accountId, correlation(correlation))))
                        // the link reached this address, so it is where this account's password resets go
                        .then(commands.send(new ChangeAccountEmail(accountId, opened.invitation().email()),
                                new Caller(accountId, correlation(correlation))))
                        .then(accepted(opened, token, accountId, correlation)));
    }

    private Mono<Accepted> accepted(Opened opened, String token, AccountId accountId, String correlation) {
        MemberId memberId = new MemberId(ids.newId());
        CooperativeId coop = opened.invitation().cooperativeId();
        return commands.send(new AcceptInvitation(coop, opened.invitation().invitationId(), AccessTokenSecret.sha256(token), accountId, memberId),
                        new Caller(accountId, correlation(correlation)))
                .thenReturn(new Accepted(coop, memberId, accountId,
                        opened.cooperative().charter().admission() == AdmissionPolicy.SECRETARY));
    }

    private Mono<Void> throttled(String client) {
        return Mono.fromRunnable(() -> perClient.acquire(client == null ? "unknown" : client));
    }

    private SentInvitation mailed(InvitationId id, String email, String classId, String token, CooperativeView coop,
                                  String inviterName, Instant expiresAt) {
        String link = mail.link(id.value(), token);
        SentInvitation.Delivery delivery = mail.send(email, link, coop, classId, inviterName, expiresAt);
        return new SentInvitation(id, email, classId, expiresAt, delivery, delivery == SentInvitation.Delivery.MAILED ? null : link);
    }

    private Mono<CooperativeView> cooperative(String cooperativeId) {
        return queries.one(new FindCooperative(new CooperativeId(safeId(cooperativeId))), CooperativeView.class)
                .switchIfEmpty(Mono.error(() -> new NotFound("cooperative.not-found", "no cooperative '" + cooperativeId + "'")));
    }

    private Mono<InvitationView> invitation(InvitationId id) {
        return queries.one(new FindInvitation(id), InvitationView.class)
                .switchIfEmpty(Mono.error(() -> new NotFound("invitation.not-found", "no invitation " + id)));
    }

    static Duration validity(Integer days) {
        if (days == null) {
            return InvitationRules.DEFAULT_VALIDITY;
        }
        if (days < 1 || days > InvitationRules.LONGEST_VALIDITY.toDays()) {
            throw new InvalidInput("validForDays", "invitation.validity-out-of-range",
                    "validForDays is 1 to " + InvitationRules.LONGEST_VALIDITY.toDays() + " (default 14)");
        }
        return Duration.ofDays(days);
    }

    private static InvitationId invitationId(String value) {
        if (!Ids.isWellFormed(value)) {
            throw new NotFound("invitation.not-found", "no invitation '" + value + "'");
        }
        return new InvitationId(value);
    }

    private static String safeId(String value) {
        if (!Ids.isWellFormed(value)) {
            throw new NotFound("cooperative.not-found", "no such cooperative");
        }
        return value;
    }

    private static NotFound notValid() {
        return new NotFound("invitation.not-found", "This invitation link is not valid. Check that you copied all of it.");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String correlation(String correlation) {
        return correlation == null || correlation.isBlank() ? java.util.UUID.randomUUID().toString() : correlation;
    }
}
