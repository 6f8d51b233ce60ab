package coop.plenum.web;

import coop.plenum.api.security.LoginThrottled;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;

@Controller
class LoginPage {

    private final coop.plenum.api.account.SignUps signUps;

    LoginPage(coop.plenum.api.account.SignUps signUps) {
        this.signUps = signUps;
    }

    @GetMapping("/login")
    reactor.core.publisher.Mono<String> login(ServerWebExchange exchange, Model model) {
        var params = exchange.getRequest().getQueryParams();
        model.addAttribute("failed", params.containsKey("error"));
        model.addAttribute("signedOut", params.containsKey("logout"));
        model.addAttribute("passwordReset", params.containsKey("reset"));
        model.addAttribute("sessionExpired", params.containsKey("expired"));
        Duration wait = exchange.getAttribute(LoginThrottled.RETRY_AFTER_ATTRIBUTE);
        if (wait != null) {
            // a throttled sign-in is handed here by the form login's failure handler
            long seconds = LoginThrottled.seconds(wait);
            exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
            model.addAttribute("throttledSeconds", seconds);
        }
        // the sign-up link is shown only while the operator keeps sign-up open
        return signUps.open().map(open -> {
            model.addAttribute("signUpOpen", open);
            return "login";
        });
    }
}
