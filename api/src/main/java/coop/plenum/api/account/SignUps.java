package coop.plenum.api.account;

import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.api.support.Caller;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.ChangeAccountEmail;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.instance.query.FindInstanceSettings;
import coop.plenum.governance.instance.query.InstanceSettingsView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Open sign-up: when the operator turned it on, anyone creates their own account (throttled per client). When it is
 * off the route does not exist for callers (404), the same as before the setting was added.
 */
@Component
public class SignUps {

    private final Queries queries;
    private final Commands commands;
    private final PasswordEncoder passwords;
    private final IdGenerator ids;
    private final AnonymousThrottle perClient;

    SignUps(Queries queries, Commands commands, PasswordEncoder passwords, IdGenerator ids, Clock clock,
            @Value("${plenum.sign-up.per-client-per-hour:5}") int perClientPerHour) {
        this.queries = queries;
        this.commands = commands;
        this.passwords = passwords;
        this.ids = ids;
        this.perClient = new AnonymousThrottle(clock, perClientPerHour, Duration.ofHours(1), 100_000);
    }

    public Mono<Boolean> open() {
        return queries.one(new FindInstanceSettings(), InstanceSettingsView.class).defaultIfEmpty(InstanceSettingsView.DEFAULTS)
                .map(InstanceSettingsView::openSignUp);
    }

    /** Creates the account (and its reset address when given); answers 404 when sign-up is off. */
    public Mono<AccountId> signUp(String username, String displayName, String password, String email, String client) {
        AccountId accountId = new AccountId(ids.newId());
        Caller self = new Caller(accountId, UUID.randomUUID().toString());
        return open().flatMap(open -> open ? Mono.just(true)
                        : Mono.error(new NotFound("sign-up.off", "accounts are created by the operator or by invitation here")))
                .then(Mono.fromCallable(() -> {
                    perClient.acquire(client == null ? "unknown" : client);
                    PasswordPolicy.assertAcceptable(password);
                    String name = username == null ? null : username.strip();
                    if (name != null && !name.equals(name.toLowerCase(Locale.ROOT))) {
                        throw new InvalidInput("username", "account.username-invalid", "usernames are lowercase");
                    }
                    if (email != null && !email.isBlank()) {
                        new ChangeAccountEmail(accountId, email).assertInputValid();
                    }
                    return new CreateAccount(accountId, name, displayName, passwords.encode(password), false);
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(create -> commands.send(create, self))
                .then(email == null || email.isBlank() ? Mono.empty() : commands.send(new ChangeAccountEmail(accountId, email), self))
                .thenReturn(accountId);
    }
}
