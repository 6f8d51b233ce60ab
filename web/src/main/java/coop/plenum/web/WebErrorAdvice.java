package coop.plenum.web;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/** Whatever a page's handler fails with becomes Plenum's problem page with the right status, never a stack trace. */
@ControllerAdvice(basePackages = "coop.plenum.web")
class WebErrorAdvice {

    private final MessageSource messages;

    WebErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Throwable.class)
    Object failed(Throwable failure, Model model, ServerWebExchange exchange) {
        PageProblem problem = PageProblem.of(failure);
        // the failed handler may produce something else (the live tally's event stream, the open book's CSV):
        // the problem page is HTML, for whoever accepts HTML; others get the status alone
        exchange.getAttributes().remove(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (!acceptsHtml(exchange)) {
            return ResponseEntity.status(problem.status()).build();
        }
        exchange.getResponse().setStatusCode(problem.status());
        ProblemPage.describe(problem, model.asMap()::put, exchange, messages);
        return ProblemPage.VIEW;
    }

    private static boolean acceptsHtml(ServerWebExchange exchange) {
        var accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.isEmpty() || accepted.stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML));
    }
}
