package coop.plenum.api.support;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.reactive.resource.NoResourceFoundException;

/** The stable {@code code} of a refusal that Spring decides before any Plenum code runs. */
final class HttpProblemCodes {

    private HttpProblemCodes() {
    }

    static String of(Throwable failure, HttpStatusCode status) {
        if (failure instanceof MethodNotAllowedException) {
            return "request.method-not-allowed";
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return "request.unsupported-media-type";
        }
        if (failure instanceof NotAcceptableStatusException) {
            return "request.not-acceptable";
        }
        if (failure instanceof PayloadTooLargeException) {
            return "request.too-large";
        }
        if (failure instanceof NoResourceFoundException || status.value() == 404) {
            return "request.unknown-route";
        }
        return "http." + status.value();
    }
}
