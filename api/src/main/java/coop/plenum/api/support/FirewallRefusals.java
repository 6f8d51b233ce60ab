package coop.plenum.api.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Spring Security's firewall refuses request targets that could smuggle a path past the authorization rules (an
 * encoded slash, percent sign, dot segment or NUL, a semicolon, a double slash) before any filter runs. Its own
 * handler answers an empty 400; this one says why: problem+json ({@code request.rejected}) on the API, a short
 * page elsewhere. What is refused does not change.
 */
@Component
class FirewallRefusals implements ServerExchangeRejectedHandler {

    private static final String DETAIL = "the request was refused before it was read: its path holds an encoded slash, "
            + "backslash, percent sign or dot segment, a semicolon, a double slash or a control character";
    private static final byte[] PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request · Plenum</title>"
            + "</head><body><h1>Bad request</h1><p>This address cannot be read: " + DETAIL + ".</p><p><a href=\"/\">Back to Plenum</a></p>"
            + "</body></html>").getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json;

    FirewallRefusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        byte[] body;
        if (ApiPaths.isApi(exchange.getRequest().getURI().getRawPath() == null ? "" : exchange.getRequest().getURI().getRawPath())) {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            try {
                body = json.writeValueAsBytes(Problems.of(HttpStatus.BAD_REQUEST, "request.rejected", DETAIL, null));
            } catch (JsonProcessingException e) {
                body = ("{\"status\":400,\"code\":\"request.rejected\"}").getBytes(StandardCharsets.UTF_8);
            }
        } else {
            response.getHeaders().setContentType(MediaType.TEXT_HTML);
            body = PAGE;
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
