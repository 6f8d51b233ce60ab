package coop.plenum.web;

import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/** Refusals on pages become a readable page with the right status, never a stack trace. */
@ControllerAdvice(basePackages = "coop.plenum.web")
class WebErrorAdvice {

    @ExceptionHandler(RuleViolation.class)
    String refused(RuleViolation violation, Model model, ServerWebExchange exchange) {
        HttpStatus status = violation instanceof NotFound ? HttpStatus.NOT_FOUND
                : violation instanceof NotAllowed ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("status", status.value());
        model.addAttribute("title", status == HttpStatus.NOT_FOUND ? "Not found" : status == HttpStatus.FORBIDDEN ? "Not yours to see" : "Not possible now");
        model.addAttribute("message", violation.getMessage());
        return "problem";
    }
}
