package coop.plenum.api.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Says why a request body could not be read, naming the field where one is to blame. Jackson reports a key given
 * twice and text after the value only in its messages and its parser's position, so both are recognised here from
 * the parser's context: a duplicate by Jackson's (stable) message, trailing content by the parser standing at the
 * root after the first value.
 */
final class UnreadableBodies {

    private static final String DUPLICATE = "Duplicate field '";

    private UnreadableBodies() {
    }

    static ProblemDetail problem(Throwable failure, String reason) {
        ProblemDetail parameter = badParameter(failure);
        if (parameter != null) {
            return parameter;
        }
        // a limit is the reason even where Jackson wrapped it in a mapping error naming a field; that field is named
        String wrappedAt = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large", "the request body is too large", null);
            }
            if (wrappedAt == null && cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                wrappedAt = path(mapping.getPath());
            }
            if (cause instanceof StreamConstraintsException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "request.too-complex",
                        "the body is nested deeper than 32 levels or has a number over 100 digits, a text over 65,536 "
                                + "characters or a field name over 256", wrappedAt == null || wrappedAt.isEmpty() ? null : wrappedAt);
            }
        }
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof JsonProcessingException json && json.getProcessor() instanceof JsonParser parser) {
                ProblemDetail problem = fromParser(json, parser);
                if (problem != null) {
                    return problem;
                }
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown.getPath());
                return Problems.of(HttpStatus.BAD_REQUEST, "request.unknown-field", "unknown field '" + field + "'", field);
            }
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = path(mapping.getPath());
                return Problems.of(HttpStatus.BAD_REQUEST, "request.field-unreadable",
                        "'" + field + "' has the wrong type or format", field);
            }
            if (cause instanceof MismatchedInputException) {
                return Problems.of(HttpStatus.BAD_REQUEST, "request.unreadable",
                        "the body must be one JSON object with the fields the API documents", null);
            }
            if (cause instanceof StreamReadException syntax) {
                return Problems.of(HttpStatus.BAD_REQUEST, "request.unreadable",
                        "the request body is not valid JSON: " + syntax.getOriginalMessage(), null);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "request.unreadable",
                reason == null ? "the request body is not valid JSON" : reason, null);
    }

    private static ProblemDetail fromParser(JsonProcessingException failure, JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        if (context == null) {
            return null;
        }
        String message = failure.getOriginalMessage();
        if (message != null && message.startsWith(DUPLICATE)) {
            String field = path(context);
            return Problems.of(HttpStatus.BAD_REQUEST, "request.duplicate-field", "'" + field + "' is given more than once", field);
        }
        // the root context counts top-level values: past the first, the body went on after its value
        JsonStreamContext root = context;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        if (root.getCurrentIndex() > 0) {
            return Problems.of(HttpStatus.BAD_REQUEST, "request.trailing-content",
                    "the body goes on after its JSON value; send exactly one value", null);
        }
        return null;
    }

    private static String path(JsonStreamContext innermost) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = innermost; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.push(c.getCurrentName() == null ? "" : c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        return join(parts);
    }

    static String path(List<JsonMappingException.Reference> references) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                parts.addLast(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.addLast("[" + ref.getIndex() + "]");
            }
        }
        return join(parts);
    }

    private static String join(Iterable<String> parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /**
     * A path variable, query parameter or header that cannot be converted to what the endpoint takes (a letter for a
     * position, a thousand digits for a long) or is missing: named, with the kind of value it needs.
     */
    private static ProblemDetail badParameter(Throwable failure) {
        if (failure instanceof org.springframework.web.server.MissingRequestValueException missing) {
            return Problems.of(HttpStatus.BAD_REQUEST, "request.parameter-missing",
                    "the " + missing.getLabel() + " '" + missing.getName() + "' is required", missing.getName());
        }
        if (!(failure instanceof org.springframework.web.server.ServerWebInputException input)
                || !(input.getCause() instanceof org.springframework.beans.TypeMismatchException mismatch)
                || input.getMethodParameter() == null) {
            return null;
        }
        org.springframework.core.MethodParameter parameter = input.getMethodParameter();
        String name = parameterName(parameter);
        Class<?> type = mismatch.getRequiredType() == null ? parameter.getParameterType() : mismatch.getRequiredType();
        return Problems.of(HttpStatus.BAD_REQUEST, "request.parameter-invalid", "'" + name + "' must be " + kind(type), name);
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        var query = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (query != null && !query.value().isEmpty()) {
            return query.value();
        }
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter " + parameter.getParameterIndex() : name;
    }

    private static String kind(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number (" + (type == int.class || type == Integer.class ? "up to 2,147,483,647" : "up to 9,223,372,036,854,775,807") + ")";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return "an instant such as 2026-11-30T12:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
