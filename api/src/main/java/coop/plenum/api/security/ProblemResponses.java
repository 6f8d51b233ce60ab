package coop.plenum.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401, 403 and 429 (sign-in throttled) from the security filters, as problem+json like every other API error. */
@Component
class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, e) -> {
            if (e instanceof LoginThrottled throttled) {
                exchange.getResponse().getHeaders().set("Retry-After", Long.toString(LoginThrottled.seconds(throttled.retryAfter())));
                return write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "auth.throttled", throttled.getMessage());
            }
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"Plenum\"");
            return write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "auth.unauthenticated",
                    "sign in with HTTP Basic (your username and password) or a personal access token (Authorization: Bearer)");
        };
    }

    ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange.getResponse(), HttpStatus.FORBIDDEN, "auth.forbidden",
                "your account may not do this");
    }

    Mono<Void> forbidden(ServerWebExchange exchange, String code, String detail) {
        return write(exchange.getResponse(), HttpStatus.FORBIDDEN, code, detail);
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            byte[] body = json.writeValueAsBytes(Problems.of(status, code, detail, null));
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (Exception e) {
            return Mono.error(e);
        }
    }
}
