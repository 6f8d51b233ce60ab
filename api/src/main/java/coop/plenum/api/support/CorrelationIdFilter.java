package coop.plenum.api.support;

import coop.plenum.kernel.InvalidInput;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code X-Correlation-Id} is copied into the audit metadata of every event a request causes and shown to
 * auditors, so it is checked on every API request, reads included: a UUID or at most 64 characters of
 * {@code [A-Za-z0-9._:-]}, sent once; otherwise 400 naming the header. Absent or blank, the API makes one up.
 * Runs after authentication (Spring Security's filter is at order -100), so strangers still get 401 first.
 */
@Component
class CorrelationIdFilter implements WebFilter {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!ApiPaths.isApi(exchange)) {
            return chain.filter(exchange);
        }
        List<String> values = exchange.getRequest().getHeaders().getOrEmpty(HEADER);
        if (values.isEmpty() || (values.size() == 1 && acceptable(values.get(0)))) {
            return chain.filter(exchange);
        }
        return Mono.error(new InvalidInput(HEADER, "request.correlation-id-invalid",
                HEADER + " must be a UUID or at most 64 characters of letters, digits and . _ : -, sent once"));
    }

    static boolean acceptable(String value) {
        return value.isBlank() || SAFE.matcher(value).matches();
    }
}
