package coop.plenum.api.security;

import coop.plenum.governance.account.login.AccountLogins;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Looks logins up in the command side's login table, which is current the moment an account is created. */
@Component
class AccountUserDetailsService implements ReactiveUserDetailsService {

    private final AccountLogins logins;

    AccountUserDetailsService(AccountLogins logins) {
        this.logins = logins;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return Mono.fromCallable(() -> logins.findByUsername(username == null ? "" : username.strip().toLowerCase())
                        .<UserDetails>map(l -> new PlenumUser(l.accountId(), l.username(), l.displayName(), l.passwordHash(), l.operator()))
                        .orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
