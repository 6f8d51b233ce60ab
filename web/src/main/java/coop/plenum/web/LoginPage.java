package coop.plenum.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

@Controller
class LoginPage {

    @GetMapping("/login")
    String login(ServerWebExchange exchange, Model model) {
        var params = exchange.getRequest().getQueryParams();
        model.addAttribute("failed", params.containsKey("error"));
        model.addAttribute("signedOut", params.containsKey("logout"));
        return "login";
    }
}
