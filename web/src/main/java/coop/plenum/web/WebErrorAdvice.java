package coop.plenum.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/** Whatever a page's handler fails with becomes Plenum's problem page with the right status, never a stack trace. */
@ControllerAdvice(basePackages = "coop.plenum.web")
class WebErrorAdvice {

    @ExceptionHandler(Throwable.class)
    String failed(Throwable failure, Model model, ServerWebExchange exchange) {
        PageProblem problem = PageProblem.of(failure);
        exchange.getResponse().setStatusCode(problem.status());
        ProblemPage.describe(problem, model.asMap()::put, exchange);
        return ProblemPage.VIEW;
    }
}
