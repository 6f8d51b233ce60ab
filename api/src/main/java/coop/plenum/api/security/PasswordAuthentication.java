package coop.plenum.api.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a username and password (HTTP Basic and the login form), behind the {@link LoginThrottle}.
 * <p>
 * An unknown username costs the same bcrypt check as a wrong password, against a dummy hash made at start with the
 * configured cost: otherwise the answer's timing tells which usernames exist (3 ms against 71 ms, measured).
 */
class PasswordAuthentication implements ReactiveAuthenticationManager {

    private final ReactiveUserDetailsService users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final String dummyHash;
    private final VerifiedCredentials verified;

    PasswordAuthentication(ReactiveUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                           VerifiedCredentials verified) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.verified = verified;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return Mono.empty();
        }
        String username = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        return Mono.deferContextual(context -> {
            String client = clientOf(context);
            // the throttle's records are in PostgreSQL (shared by every node): ask off the event loop
            return Mono.fromCallable(() -> throttle.peek(username, client))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(decision -> decision instanceof LoginThrottle.Blocked blocked
                            ? Mono.error(new LoginThrottled(blocked.retryAfter()))
                            : checked(username, password, client));
        });
    }

    private Mono<Authentication> checked(String username, String password, String client) {
        return users.findByUsername(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> user.isPresent() && verified.recentlyVerified(username, password, user.get().getPassword())
                        ? Mono.just(signedIn(user.get()))
                        : bcryptChecked(user, username, password, client));
    }

    private Mono<Authentication> bcryptChecked(Optional<UserDetails> user, String username, String password, String client) {
        // bcrypt is deliberately slow: keep it off the event loop. The attempt is reserved on the worker,
        // right before the check, so queued guesses see the failures of those that ran before them.
        return Mono.just(user)
                .publishOn(Schedulers.boundedElastic())
                .flatMap(found -> throttle.attempt(username, client) instanceof LoginThrottle.Blocked blocked
                        ? Mono.error(new LoginThrottled(blocked.retryAfter()))
                        : check(found, password)
                                .doOnNext(signedIn -> {
                                    throttle.succeeded(username, client);
                                    verified.verified(username, password, found.get().getPassword());
                                })
                                .doOnError(e -> {
                                    if (e instanceof BadCredentialsException) {
                                        throttle.failed(username, client);
                                    } else {
                                        throttle.released(username, client);
                                    }
                                })
                                .doOnCancel(() -> throttle.released(username, client)));
    }

    private Mono<Authentication> check(Optional<UserDetails> user, String password) {
        return Mono.fromCallable(() -> {
            boolean matches = encoder.matches(password, user.map(UserDetails::getPassword).orElse(dummyHash));
            if (user.isEmpty() || !matches) {
                throw new BadCredentialsException("Invalid Credentials");
            }
            return signedIn(user.get());
        });
    }

    private static Authentication signedIn(UserDetails user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** The remote address as the server sees it; behind a proxy, only {@code server.forward-headers-strategy} makes it the client's. */
    static String clientOf(ContextView context) {
        return context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                .map(exchange -> exchange.getRequest().getRemoteAddress())
                .map(PasswordAuthentication::host)
                .orElse("unknown");
    }

    private static String host(InetSocketAddress address) {
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
