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
 * What a page says when something could not be done: a status, a heading and one sentence for a person, in their
 * language (bundle keys, {@code problem.*}). Refusals say their reason ({@link RefusalWords}); anything unexpected is
 * logged here and shown only as "nothing was stored" (a command either stored all its events or none).
 */
record PageProblem(HttpStatus status, String titleKey, String messageKey, RuleViolation refusal) {

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
                return new PageProblem(HttpStatus.BAD_REQUEST, titleOf(HttpStatus.BAD_REQUEST), "problem.message.undecodable", null);
            }
            if (cause instanceof AggregateNotFoundException) {
                return ofStatus(HttpStatus.NOT_FOUND);
            }
            if (cause instanceof DuplicateKeyException || cause instanceof ConcurrencyException) {
                return new PageProblem(HttpStatus.CONFLICT, titleOf(HttpStatus.CONFLICT), "problem.message.concurrent", null);
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
        return new PageProblem(status, titleOf(status), null, violation);
    }

    static HttpStatus statusOf(RuleViolation violation) {
        return violation instanceof InvalidInput ? HttpStatus.BAD_REQUEST
                : violation instanceof NotFound ? HttpStatus.NOT_FOUND
                : violation instanceof NotAllowed ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
    }

    private static PageProblem ofStatus(HttpStatus status) {
        if (status == null || status.is5xxServerError()) {
            HttpStatus shown = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            return new PageProblem(shown, "problem.title.error", "problem.message.error", null);
        }
        return new PageProblem(status, titleOf(status), switch (status) {
            case NOT_FOUND -> "problem.message.NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "problem.message.METHOD_NOT_ALLOWED";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "problem.message.UNSUPPORTED_MEDIA_TYPE";
            case PAYLOAD_TOO_LARGE -> "problem.message.PAYLOAD_TOO_LARGE";
            default -> "problem.message.other";
        }, null);
    }

    /** The heading's key for a status. */
    static String titleOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, FORBIDDEN, BAD_REQUEST, METHOD_NOT_ALLOWED, CONFLICT, GONE -> "problem.title." + status.name();
            default -> status.is4xxClientError() ? "problem.title.other" : "problem.title.error";
        };
    }

    /** The heading in the reader's language. */
    String title(Words words) {
        return words.say(titleKey);
    }

    /** The sentence in the reader's language: the refusal's reason, or what happened. */
    String message(Words words) {
        return refusal != null ? RefusalWords.say(refusal, words) : words.say(messageKey);
    }
}
