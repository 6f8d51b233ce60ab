package coop.plenum.api.security;

import coop.plenum.governance.account.login.AccessTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import java.time.Clock;
import java.time.Duration;

/** Password sign-in behind the throttle, for both the API (Basic) and the browser (form); bearer tokens for scripts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleSettings.class)
class LoginThrottling {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleSettings settings, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        // in PostgreSQL, shared by every node on the same log
        return new LoginThrottle(settings, clock, new coop.plenum.governance.account.login.SharedLoginAttemptRecords(jdbc));
    }

    /** Primary: Spring Security's defaults take this one; the bearer manager is wired into the API chain by hand. */
    @Bean
    @Primary
    PasswordAuthentication passwordAuthentication(ReactiveUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                                  Clock clock,
                                                  @Value("${plenum.security.verified-credentials-ttl:60s}") Duration ttl,
                                                  @Value("${plenum.security.verified-credentials-max-entries:10000}") int maxEntries) {
        return new PasswordAuthentication(users, encoder, throttle, new VerifiedCredentials(clock, ttl, maxEntries));
    }

    @Bean
    BearerAuthentication bearerAuthentication(AccessTokens tokens, Clock clock) {
        return new BearerAuthentication(tokens, clock);
    }

    /**
     * A wrong password goes back to {@code /login?error}; a throttled one re-renders the login page at once with 429,
     * the wait and {@code Retry-After}, by handing the exchange on as a GET of {@code /login}.
     */
    static ServerAuthenticationFailureHandler formFailure() {
        var wrongPassword = new RedirectServerAuthenticationFailureHandler("/login?error");
        return (filterExchange, exception) -> {
            if (!(exception instanceof LoginThrottled throttled)) {
                return wrongPassword.onAuthenticationFailure(filterExchange, exception);
            }
            var exchange = filterExchange.getExchange();
            exchange.getAttributes().put(LoginThrottled.RETRY_AFTER_ATTRIBUTE, throttled.retryAfter());
            return filterExchange.getChain().filter(exchange.mutate().request(r -> r.method(HttpMethod.GET)).build());
        };
    }
}
