package coop.plenum.api.security;

import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;


/**
 * Deny by default. The JSON API authenticates every request with HTTP Basic or a personal access token (Bearer)
 * and keeps no session; the browser UI signs in through a form and keeps a session with CSRF protection. Health, the login page, static assets and
 * the OpenAPI description are public. Per-cooperative roles are checked by {@link CooperativeAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /** bcrypt's work factor ({@code plenum.security.bcrypt-strength}, 4–31, default 10); each step doubles the cost. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${plenum.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemResponses problems, PasswordAuthentication passwords,
                                       BearerAuthentication bearer) {
        return http
                // the metrics are scraped like the API is called: Basic or a bearer token, never a session
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/prometheus"))
                .authenticationManager(passwords)
                .addFilterAt(bearer.filter(new ServerAuthenticationEntryPointFailureHandler(problems.unauthenticated())),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(new TokenScopeGuard(problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, ApiRoutes.OPERATOR_POSTS).hasRole("OPERATOR")
                        .pathMatchers(ApiRoutes.OPERATOR_ANY).hasRole("OPERATOR")
                        .pathMatchers("/actuator/prometheus").hasRole("OPERATOR")
                        // a link's holder may have no account yet; the token is the credential (throttled per client)
                        .pathMatchers(HttpMethod.POST, ApiRoutes.PUBLIC_POSTS).permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    /** coop.plenum.governance.notification.delivery.UnsubscribeLinks.PATH */
    static final String UNSUBSCRIBE = "/notifications/unsubscribe";

    @Bean
    @Order(2)
    SecurityWebFilterChain webSecurity(ServerHttpSecurity http, PasswordAuthentication passwords,
                                       coop.plenum.governance.account.login.AccountLogins logins) {
        return http
                .authenticationManager(passwords)
                .addFilterBefore(new StaleSessionGuard(logins), SecurityWebFiltersOrder.AUTHORIZATION)
                .headers(BrowserHeaders::apply)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/invitations/*/*", "/password-reset", "/password-reset/*/*", "/signup").permitAll()
                        .pathMatchers("/operator/**").hasRole("OPERATOR")
                        .pathMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/favicon.ico").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // calendar apps cannot sign in: a private feed's URL carries its own random token
                        .pathMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
                        // an email's signed link: the HMAC, not a session, proves whose it is (RFC 8058 one-click)
                        .pathMatchers(UNSUBSCRIBE).permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .anyExchange().authenticated())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                        CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(UNSUBSCRIBE)))))
                .formLogin(form -> form.loginPage("/login")
                        .authenticationFailureHandler(LoginThrottling.formFailure())
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/")))
                .logout(logout -> logout.logoutUrl("/logout"))
                .build();
    }

}
