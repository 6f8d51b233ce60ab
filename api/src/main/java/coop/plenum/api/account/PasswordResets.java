package coop.plenum.api.account;

import coop.plenum.api.security.AccessTokenSecret;
import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.api.support.Caller;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.AccountInputRules;
import coop.plenum.governance.account.RequestPasswordReset;
import coop.plenum.governance.account.ResetPassword;
import coop.plenum.governance.account.login.AccountLogin;
import coop.plenum.governance.account.login.AccountLogins;
import coop.plenum.governance.mail.MailMessage;
import coop.plenum.governance.mail.MailNotSent;
import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * "Forgot password" as one use case for the API and the pages. Asking answers at once and the same way whether or not
 * an account matches: the lookup, the token and the mail happen afterwards, off the request, so neither the answer nor
 * its timing tells whether a username or address is known. Asking is throttled per client (answered 429, which says
 * nothing about accounts) and per account (silently: a further request for that account is just not mailed).
 */
@Component
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountLogins logins;
    private final Commands commands;
    private final OutgoingMail mail;
    private final PublicUrl publicUrl;
    private final PasswordEncoder passwords;
    private final Duration validity;
    private final AnonymousThrottle perClient;
    private final AnonymousThrottle perAccount;

    PasswordResets(AccountLogins logins, Commands commands, OutgoingMail mail, PublicUrl publicUrl, PasswordEncoder passwords,
                   Clock clock, @Value("${plenum.password-reset.validity:1h}") Duration validity,
                   @Value("${plenum.password-reset.requests-per-client-per-hour:10}") int perClientPerHour,
                   @Value("${plenum.password-reset.requests-per-account-per-hour:3}") int perAccountPerHour) {
        if (validity.compareTo(Duration.ofMinutes(5)) < 0 || validity.compareTo(RequestPasswordReset.LONGEST_VALIDITY) > 0) {
            throw new IllegalArgumentException("plenum.password-reset.validity must be 5m to 24h, was " + validity);
        }
        this.logins = logins;
        this.commands = commands;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.passwords = passwords;
        this.validity = validity;
        this.perClient = new AnonymousThrottle(clock, perClientPerHour, Duration.ofHours(1), 100_000);
        this.perAccount = new AnonymousThrottle(clock, perAccountPerHour, Duration.ofHours(1), 100_000);
    }

    /** Accepts a request for a username or an address; whatever follows happens after the answer. */
    public Mono<Void> request(String usernameOrEmail, String client) {
        return Mono.fromRunnable(() -> {
            perClient.acquire(client == null ? "unknown" : client);
            String login = usernameOrEmail == null ? "" : usernameOrEmail.strip();
            Mono.fromRunnable(() -> mailLinks(login)).subscribeOn(Schedulers.boundedElastic())
                    .subscribe(null, failed -> log.warn("A password reset request failed after its answer: {}", failed.toString()));
        });
    }

    private void mailLinks(String login) {
        if (login.isEmpty() || login.length() > AccountInputRules.MAX_EMAIL || login.chars().anyMatch(Character::isISOControl)) {
            return;
        }
        List<AccountLogin> accounts = login.contains("@")
                ? logins.findByEmail(AccountInputRules.normalEmail(login))
                : logins.findByUsername(login.toLowerCase(Locale.ROOT)).stream().toList();
        for (AccountLogin account : accounts) {
            logins.emailOf(account.accountId()).ifPresent(address -> mailOne(account, address));
        }
    }

    private void mailOne(AccountLogin account, String address) {
        try {
            perAccount.acquire(account.accountId().value());
        } catch (AnonymousThrottle.Throttled enough) {
            log.info("Password reset for an account asked too often this hour; not mailed again");
            return;
        }
        String token = token();
        commands.sendAsSystem(new RequestPasswordReset(account.accountId(), AccessTokenSecret.sha256(token), validity));
        String link = publicUrl.link("/password-reset/" + account.accountId().value() + "/" + token);
        String text = """
                Hello %s,

                Someone (we hope you) asked to reset the password of your Plenum account "%s". Open this link to choose a new one:

                %s

                The link works once, for %d minutes. If you did not ask, ignore this email: your password stays as it is.
                """.formatted(account.displayName(), account.username(), link, validity.toMinutes());
        try {
            mail.send(MailMessage.plain(address, "Reset your Plenum password", text));
        } catch (MailNotSent | IllegalArgumentException failed) {
            log.warn("Password reset mail not sent: {}", failed.getMessage());
        }
    }

    /** Sets the new password through a mailed link; a used, replaced or expired link is a 409 that says to ask again. */
    public Mono<AccountId> reset(String accountId, String token, String newPassword, String client) {
        return Mono.fromCallable(() -> {
                    perClient.acquire(client == null ? "unknown" : client);
                    if (!Ids.isWellFormed(accountId) || token == null || token.isBlank() || token.length() > 100) {
                        throw invalidLink();
                    }
                    PasswordPolicy.assertAcceptable(newPassword);
                    return new ResetPassword(new AccountId(accountId), AccessTokenSecret.sha256(token), passwords.encode(newPassword));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, new Caller(command.accountId(), UUID.randomUUID().toString()))
                        .onErrorMap(failed -> isMissingAccount(failed), failed -> invalidLink())
                        .thenReturn(command.accountId()));
    }

    private static boolean isMissingAccount(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.axonframework.modelling.command.AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static StateConflict invalidLink() {
        return new StateConflict("account.reset-link-invalid",
                "this reset link is not valid any more (used, replaced by a newer one, or expired): ask for a new one");
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
