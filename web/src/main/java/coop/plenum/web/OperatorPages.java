package coop.plenum.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.account.PasswordPolicy;
import coop.plenum.api.cooperative.CharterJson;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.ChangeAccountEmail;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.account.login.AccountLogins;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAllAccounts;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.cooperative.query.FindAllCooperatives;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.instance.ChangeInstanceSettings;
import coop.plenum.governance.instance.query.FindInstanceSettings;
import coop.plenum.governance.instance.query.InstanceSettingsView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operator's pages: accounts (list, create), cooperatives (list, found one with the charter as JSON) and the
 * instance settings. Only the OPERATOR role reaches {@code /operator/**} (page security); the commands are the API's.
 */
@Controller
class OperatorPages {

    /** A charter to start from, so founding from the page needs editing, not writing JSON from nothing. */
    static final String SAMPLE_CHARTER = """
            {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 50},
                         {"id": "users", "name": "Users", "weight": 40, "quorum": 20}],
             "admission": "SECRETARY"}""";

    private final Commands commands;
    private final Queries queries;
    private final AccountLogins logins;
    private final PasswordEncoder passwords;
    private final IdGenerator ids;
    private final ObjectMapper json;

    OperatorPages(Commands commands, Queries queries, AccountLogins logins, PasswordEncoder passwords, IdGenerator ids,
                  ObjectMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.logins = logins;
        this.passwords = passwords;
        this.ids = ids;
        this.json = json;
    }

    // ---- accounts -----------------------------------------------------------------------------------------------

    @GetMapping("/operator/accounts")
    Mono<String> accounts(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return accountsPage(user, model);
    }

    private Mono<String> accountsPage(PlenumUser user, Model model) {
        return listPage(user, model, new FindAllAccounts(1_000), AccountView.class, "accounts", "operator-accounts");
    }

    /** An operator page listing what {@code query} finds under {@code attribute}, for {@code user}. */
    private <T> Mono<String> listPage(PlenumUser user, Model model, Object query, Class<T> type, String attribute, String view) {
        return queries.many(query, type).map(found -> {
            model.addAttribute("user", user);
            model.addAttribute(attribute, found);
            return view;
        });
    }

    @PostMapping("/operator/accounts")
    Mono<String> createAccount(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        AccountId accountId = new AccountId(ids.newId());
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    PasswordPolicy.assertAcceptable(form.getFirst("password"));
                    String email = form.getFirst("email");
                    if (email != null && !email.isBlank()) {
                        new ChangeAccountEmail(accountId, email).assertInputValid();
                    }
                    String username = form.getFirst("username") == null ? null : form.getFirst("username").strip().toLowerCase(Locale.ROOT);
                    return new CreateAccount(accountId, username, form.getFirst("displayName"), passwords.encode(form.getFirst("password")), false);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(create -> commands.send(create, user.caller(null)))
                .then(Mono.defer(() -> {
                    String email = form.getFirst("email");
                    // the address is the account's own setting: recorded as the new account's choice, made by the operator
                    return email == null || email.isBlank() ? Mono.empty()
                            : commands.send(new ChangeAccountEmail(accountId, email), new coop.plenum.api.support.Caller(accountId,
                                    java.util.UUID.randomUUID().toString()));
                }))
                .thenReturn("redirect:/operator/accounts?notice=" + ApplicationPage.encode(Words.of(model).say("notice.accountCreated")))
                .onErrorResume(RuleViolation.class, refused -> {
                    exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                    model.addAttribute("error", RefusalWords.say(refused, Words.of(model)));
                    model.addAttribute("username", FormText.shown(form.getFirst("username")));
                    model.addAttribute("displayName", FormText.shown(form.getFirst("displayName")));
                    model.addAttribute("email", FormText.shown(form.getFirst("email")));
                    return accountsPage(user, model);
                }));
    }

    // ---- cooperatives -------------------------------------------------------------------------------------------

    @GetMapping("/operator/cooperatives")
    Mono<String> cooperatives(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        model.addAttribute("charter", SAMPLE_CHARTER);
        return cooperativesPage(user, model);
    }

    private Mono<String> cooperativesPage(PlenumUser user, Model model) {
        return listPage(user, model, new FindAllCooperatives(1_000), CooperativeView.class, "cooperatives", "operator-cooperatives");
    }

    @PostMapping("/operator/cooperatives")
    Mono<String> found(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        CooperativeId id = new CooperativeId(ids.newId());
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    CharterJson charter = charter(form.getFirst("charter"));
                    List<FounderSeat> founders = founders(form.getFirst("founders"));
                    AccountId secretary = account("secretary", form.getFirst("secretary"));
                    return new FoundCooperative(id, form.getFirst("name"), charter.toCharter(), founders, secretary);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, user.caller(null)))
                .thenReturn("redirect:/cooperatives/" + id.value())
                .onErrorResume(RuleViolation.class, refused -> {
                    exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                    model.addAttribute("errors", refused instanceof InvalidInput invalid
                            // the field's path points into the pasted charter JSON; the rule is said in the operator's language
                            ? invalid.violations().stream().map(v -> v.field() + ": " + RefusalWords.say(v, Words.of(model))).toList()
                            : List.of(RefusalWords.say(refused, Words.of(model))));
                    model.addAttribute("name", FormText.shown(form.getFirst("name")));
                    model.addAttribute("charter", FormText.shown(form.getFirst("charter")));
                    model.addAttribute("founders", FormText.shown(form.getFirst("founders")));
                    model.addAttribute("secretary", FormText.shown(form.getFirst("secretary")));
                    return cooperativesPage(user, model);
                }));
    }

    private CharterJson charter(String text) {
        if (text == null || text.isBlank() || text.length() > 100_000) {
            throw new InvalidInput("charter", "charter.missing", "the charter is a JSON object (see the example)");
        }
        try {
            return json.readValue(text, CharterJson.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            String where = unreadable.getLocation() == null ? "" : " (line " + unreadable.getLocation().getLineNr() + ")";
            throw new InvalidInput("charter", "charter.unreadable", "the charter is not readable JSON" + where + ": "
                    + unreadable.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** One founder per line: {@code username,classId}. */
    private List<FounderSeat> founders(String text) {
        List<FounderSeat> seats = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw new InvalidInput("founders", "founders.line-invalid", "founders line " + (i + 1) + ": write username,classId");
            }
            seats.add(new FounderSeat(account("founders", cells[0]), cells[1].strip()));
        }
        return seats;
    }

    private AccountId account(String field, String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return logins.findByUsername(name).map(login -> login.accountId())
                .orElseThrow(() -> new InvalidInput(field, "account.unknown", "no account with the username '" + FormText.shown(name) + "'"));
    }

    // ---- instance settings --------------------------------------------------------------------------------------

    @GetMapping("/operator/settings")
    Mono<String> settings(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return queries.one(new FindInstanceSettings(), InstanceSettingsView.class).defaultIfEmpty(InstanceSettingsView.DEFAULTS)
                .map(settings -> {
                    model.addAttribute("user", user);
                    model.addAttribute("settings", settings);
                    return "operator-settings";
                });
    }

    @PostMapping("/operator/settings")
    Mono<String> changeSettings(@AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> commands.send(
                        new ChangeInstanceSettings("on".equals(form.getFirst("openSignUp"))), user.caller(null)))
                .thenReturn("redirect:/operator/settings?notice=" + ApplicationPage.encode(Words.of(model).say("notice.settingsSaved")));
    }
}
