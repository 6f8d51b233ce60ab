package coop.plenum.web;

import coop.plenum.api.account.AccountSettings;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.ChangeAccountProfile;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAccount;
import coop.plenum.kernel.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/** Each person's own settings: name, time zone, language, reset address and password. */
@Controller
class AccountSettingsPage {

    private final AccountSettings settings;
    private final Queries queries;

    AccountSettingsPage(AccountSettings settings, Queries queries) {
        this.settings = settings;
        this.queries = queries;
    }

    @GetMapping("/account")
    Mono<String> show(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return page(user, model);
    }

    private Mono<String> page(PlenumUser user, Model model) {
        return queries.one(new FindAccount(user.accountId()), AccountView.class)
                .defaultIfEmpty(new AccountView(user.accountId(), user.getUsername(), user.displayName(), user.operator(), null))
                .map(account -> {
                    model.addAttribute("user", user);
                    model.addAttribute("account", account);
                    model.addAttribute("languages", ChangeAccountProfile.LANGUAGES.stream().sorted().toList());
                    return "account";
                });
    }

    @PostMapping("/account/{part}")
    Mono<String> change(@PathVariable String part, @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        Function<MultiValueMap<String, String>, Mono<Void>> action = switch (part) {
            case "profile" -> form -> settings.profile(user, form.getFirst("displayName"), form.getFirst("timeZone"),
                    form.getFirst("language"), null);
            case "email" -> form -> settings.email(user, form.getFirst("email"), null);
            case "password" -> form -> settings.password(user, form.getFirst("currentPassword"), form.getFirst("newPassword"), null);
            default -> null;
        };
        if (action == null) {
            return Mono.error(new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        }
        return exchange.getFormData().flatMap(form -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    return form;
                })
                .flatMap(action)
                .then(Mono.fromCallable(() -> "password".equals(part)
                        // the session was opened with the old password: sign in again with the new one
                        ? "redirect:/login?reset"
                        : "redirect:/account?notice=saved"))
                .onErrorResume(RuleViolation.class, refused -> {
                    exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                    model.addAttribute("error", RefusalWords.say(refused, Words.of(model)));
                    model.addAttribute("errorPart", part);
                    return page(user, model);
                }));
    }
}
