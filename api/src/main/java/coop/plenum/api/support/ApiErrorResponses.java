package coop.plenum.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The API's answer to failures no controller advice sees: no route matches ({@code /api/v1/nothing}), the route
 * exists but not for this method, content type or {@code Accept}, and errors raised by web filters. Spring would
 * answer these with its own JSON; here they get problem+json with a stable {@code code} like every other API
 * error. Runs before Boot's error handler (order -1) and only for {@code /api/**}: the web pages have their own.
 */
@Component
@Order(-2)
class ApiErrorResponses implements WebExceptionHandler {

    private final ObjectMapper json;
    private final ApiExceptionHandler advice;

    ApiErrorResponses(ObjectMapper json, ApiExceptionHandler advice) {
        this.json = json;
        this.advice = advice;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        var response = exchange.getResponse();
        if (!ApiPaths.isApi(exchange) || response.isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem;
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof ServerWebInputException input) {
            problem = UnreadableBodies.problem(input, input.getReason());
        } else if (failure instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
            status = status == null ? HttpStatus.BAD_REQUEST : status;
            String code = HttpProblemCodes.of(failure, status);
            String detail = code.equals("request.unknown-route")
                    ? "the API has no " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()
                    + " (its routes are described at /v3/api-docs)"
                    : error.getBody().getDetail();
            problem = Problems.of(status, code, detail == null ? status.getReasonPhrase() : detail, null);
            headers.putAll(error.getHeaders());
        } else if (failure instanceof Exception exception) {
            ResponseEntity<ProblemDetail> answer = advice.unexpected(exception);
            problem = answer.getBody();
            headers.putAll(answer.getHeaders());
        } else {
            return Mono.error(failure);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (Exception e) {
            return Mono.error(failure);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().putAll(headers);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
