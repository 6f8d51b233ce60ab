package coop.plenum.web;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a page says when something could not be done: a status, a heading and one sentence for a person. Refusals
 * say their reason; anything unexpected is logged here and shown only as "nothing was stored" (a command either
 * stored all its events or none).
 */
record PageProblem(HttpStatus status, String title, String message) {

    private static final Logger log = LoggerFactory.getLogger(PageProblem.class);

    static PageProblem of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return refused(violation);
            }
            if (cause instanceof ResponseStatusException answered) {
                return ofStatus(HttpStatus.resolve(answered.getStatusCode().value()));
            }
            if (cause instanceof DataBufferLimitException) {
                return ofStatus(HttpStatus.PAYLOAD_TOO_LARGE);
            }
            if (undecodableForm(cause)) {
                return new PageProblem(HttpStatus.BAD_REQUEST, "Not accepted",
                        "The form could not be read (its encoding is broken). Nothing was stored.");
            }
            if (cause instanceof AggregateNotFoundException) {
                return ofStatus(HttpStatus.NOT_FOUND);
            }
            if (cause instanceof DuplicateKeyException || cause instanceof ConcurrencyException) {
                return new PageProblem(HttpStatus.CONFLICT, "Not possible now",
                        "Someone changed the same thing at the same moment. Nothing of yours was stored; please try again.");
            }
        }
        log.error("Unexpected error on a page", failure);
        return ofStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** A form body with broken percent-encoding: the JDK's decoder says so with a bare IllegalArgumentException. */
    private static boolean undecodableForm(Throwable cause) {
        return cause instanceof IllegalArgumentException && cause.getStackTrace().length > 0
                && java.util.Arrays.stream(cause.getStackTrace()).limit(3)
                .anyMatch(frame -> frame.getClassName().equals("java.net.URLDecoder"));
    }

    static PageProblem refused(RuleViolation violation) {
        HttpStatus status = statusOf(violation);
        return new PageProblem(status, titleOf(status), violation.getMessage());
    }

    static HttpStatus statusOf(RuleViolation violation) {
        return violation instanceof InvalidInput ? HttpStatus.BAD_REQUEST
                : violation instanceof NotFound ? HttpStatus.NOT_FOUND
                : violation instanceof NotAllowed ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
    }

    private static PageProblem ofStatus(HttpStatus status) {
        if (status == null || status.is5xxServerError()) {
            HttpStatus shown = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            return new PageProblem(shown, "Something went wrong",
                    "Plenum could not finish this request. Nothing was stored; you may safely try again.");
        }
        return new PageProblem(status, titleOf(status), switch (status) {
            case NOT_FOUND -> "There is nothing at this address. It may have been mistyped, or it belongs elsewhere.";
            case METHOD_NOT_ALLOWED -> "This page cannot be used that way. Nothing was stored.";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "This page speaks HTML forms only. Nothing was stored.";
            case PAYLOAD_TOO_LARGE -> "What was sent is too large. Nothing was stored.";
            default -> "The request could not be understood. Nothing was stored.";
        });
    }

    private static String titleOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not yours to see";
            case BAD_REQUEST -> "Not accepted";
            case METHOD_NOT_ALLOWED -> "Not possible here";
            default -> status.is4xxClientError() ? (status == HttpStatus.CONFLICT ? "Not possible now" : "Not accepted")
                    : "Something went wrong";
        };
    }
}
