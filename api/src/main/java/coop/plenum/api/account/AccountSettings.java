package coop.plenum.api.account;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.account.ChangeAccountEmail;
import coop.plenum.governance.account.ChangeAccountProfile;
import coop.plenum.governance.account.ChangePassword;
import coop.plenum.governance.account.login.AccountLogins;
import coop.plenum.kernel.InvalidInput;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The signed-in person's own settings, one use case for the API and the settings page. */
@Component
public class AccountSettings {

    private final Commands commands;
    private final AccountLogins logins;
    private final PasswordEncoder passwords;

    AccountSettings(Commands commands, AccountLogins logins, PasswordEncoder passwords) {
        this.commands = commands;
        this.logins = logins;
        this.passwords = passwords;
    }

    public Mono<Void> profile(PlenumUser user, String displayName, String timeZone, String language, String correlation) {
        return commands.send(new ChangeAccountProfile(user.accountId(), displayName, timeZone, language), user.caller(correlation)).then();
    }

    public Mono<Void> email(PlenumUser user, String email, String correlation) {
        return commands.send(new ChangeAccountEmail(user.accountId(), email), user.caller(correlation)).then();
    }

    /**
     * The current password is checked against the stored hash (bcrypt, off the event loop) before anything is sent: a
     * left-open session alone cannot take the account over.
     */
    public Mono<Void> password(PlenumUser user, String currentPassword, String newPassword, String correlation) {
        return Mono.fromCallable(() -> {
                    String stored = logins.passwordHashOf(user.getUsername()).orElse("");
                    if (currentPassword == null || currentPassword.length() > 200 || !passwords.matches(currentPassword, stored)) {
                        throw new InvalidInput("currentPassword", "account.current-password-wrong", "the current password is not right");
                    }
                    PasswordPolicy.assertAcceptable("newPassword", newPassword);
                    return new ChangePassword(user.accountId(), passwords.encode(newPassword));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, user.caller(correlation)))
                .then();
    }
}
