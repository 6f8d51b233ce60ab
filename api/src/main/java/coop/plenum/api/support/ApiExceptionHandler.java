package coop.plenum.api.support;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.StateConflict;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Every error of the JSON API leaves as {@code application/problem+json} with a stable {@code code} and, for bad
 * input, the offending {@code field}. Refused commands stored nothing: Axon rolls the unit of work back.
 */
@RestControllerAdvice(basePackages = "coop.plenum.api")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Something anyone may try without signing in (an invitation link, a reset) was tried too often. */
    @ExceptionHandler(coop.plenum.api.support.AnonymousThrottle.Throttled.class)
    ResponseEntity<ProblemDetail> throttled(coop.plenum.api.support.AnonymousThrottle.Throttled throttled) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "request.throttled", throttled.getMessage(), null);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.retryAfter().toSeconds()))).body(problem);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation violation) {
        ProblemDetail problem;
        if (violation instanceof InvalidInput invalid) {
            problem = invalid(invalid);
        } else if (violation instanceof StateConflict) {
            problem = Problems.of(HttpStatus.CONFLICT, violation.code(), violation.getMessage(), null);
        } else if (violation instanceof NotFound) {
            problem = Problems.of(HttpStatus.NOT_FOUND, violation.code(), violation.getMessage(), null);
        } else {
            problem = Problems.of(HttpStatus.FORBIDDEN, violation.code(), violation.getMessage(), null);
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail invalid(InvalidInput invalid) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage(), invalid.field());
        problem.setProperty("errors", invalid.violations().stream()
                .map(v -> Map.of("field", v.field(), "code", v.code(), "message", v.message()))
                .toList());
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof RuleViolation violation) {
                return refused(violation);
            }
            if (cause instanceof DuplicateKeyException || cause instanceof ConcurrencyException
                    || cause instanceof org.axonframework.modelling.command.AggregateStreamCreationException) {
                // a concurrent request won the same unique key or aggregate version; the loser stored nothing
                return problem(Problems.of(HttpStatus.CONFLICT, "state.concurrent-change",
                        "another request changed the same thing at the same moment; retry", null));
            }
            if (cause instanceof AggregateNotFoundException) {
                return problem(Problems.of(HttpStatus.NOT_FOUND, "resource.not-found", "no such resource", null));
            }
            if (cause instanceof InterruptedException) {
                // the node is stopping (or the client went away) while this request waited, e.g. for a database
                // connection: not a fault of the server, and the client should try again, on this node or another
                log.info("A request was interrupted (the node is stopping, or its client went away): answered 503 ({})", exception.toString());
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service.stopping",
                                "this node is stopping and could not finish the request; retry shortly", null));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        log.error("Unexpected error in the API", exception);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
                "an unexpected error occurred; nothing was stored", null));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.status(HttpStatus.BAD_REQUEST).body(unreadableBody(ex)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        var first = ex.getFieldErrors().isEmpty() ? null : ex.getFieldErrors().get(0);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid",
                first == null ? "the request is invalid" : first.getField() + " " + first.getDefaultMessage(),
                first == null ? null : first.getField());
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                  HttpStatusCode status, ServerWebExchange exchange) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            String code = HttpProblemCodes.of(ex, status);
            problem.setProperty("code", code);
            problem.setType(java.net.URI.create("urn:plenum:problem:" + code));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                                ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", "http." + status.value());
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    static ProblemDetail unreadableBody(ServerWebInputException ex) {
        return UnreadableBodies.problem(ex, ex.getReason());
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

}
