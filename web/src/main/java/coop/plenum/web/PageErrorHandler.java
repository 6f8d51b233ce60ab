package coop.plenum.web;

import coop.plenum.api.support.ApiPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors that no page handler saw (no such page, a method a page does not take, a failure while rendering) are
 * shown on Plenum's problem page, not Spring's fallback. Only for the browser's paths: the JSON API, actuator and
 * the OpenAPI description keep their own error answers, so this passes their errors on untouched.
 */
@Component
@Order(-2) // before Boot's error handler (-1), which would answer with its "Whitelabel" page
class PageErrorHandler implements WebExceptionHandler {

    private static final List<String> NOT_PAGES = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/webjars/");

    private final ServerResponse.Context context;
    private final MessageSource messages;

    PageErrorHandler(ObjectProvider<ViewResolver> viewResolvers, ServerCodecConfigurer codecs, MessageSource messages) {
        this.messages = messages;
        List<ViewResolver> resolvers = viewResolvers.orderedStream().toList();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return resolvers;
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getResponse().isCommitted() || ApiPaths.isApi(path) || NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return Mono.error(failure);
        }
        PageProblem problem = PageProblem.of(failure);
        Map<String, Object> model = new HashMap<>();
        ProblemPage.describe(problem, model::put, exchange, messages);
        exchange.getResponse().getHeaders().clearContentHeaders();
        if (failure instanceof ResponseStatusException answered) {
            // e.g. Allow on 405
            exchange.getResponse().getHeaders().putAll(answered.getHeaders());
        }
        return ServerResponse.status(problem.status()).contentType(MediaType.TEXT_HTML).render(ProblemPage.VIEW, model)
                .flatMap(response -> response.writeTo(exchange, context))
                .onErrorResume(unrenderable -> {
                    exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
                    return Mono.error(failure);
                });
    }
}
