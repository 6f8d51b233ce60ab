package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.proposal.ProposalEffect;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * A charter amendment as a form (issue 14): the charter in force in rows and fields, rows added and removed by
 * submit buttons (no JavaScript needed), a preview listing field by field what the amendment changes, and the
 * charter's own rules' refusals shown next to the fields they name. Submitting sends the same
 * {@code SubmitProposal} as the API, with the whole new charter as its effect.
 */
@Controller
class CharterAmendmentPage {

    private final CooperativeAccess access;
    private final Commands commands;
    private final IdGenerator ids;

    CharterAmendmentPage(CooperativeAccess access, Commands commands, IdGenerator ids) {
        this.access = access;
        this.commands = commands;
        this.ids = ids;
    }

    /** What the page shows besides the charter: the proposal's own text. */
    record Proposing(String title, String body, String topic) {
        static Proposing of(MultiValueMap<String, String> form) {
            return new Proposing(orEmpty(form.getFirst("title")), orEmpty(form.getFirst("body")), orEmpty(form.getFirst("topic")));
        }

        Proposing shown() {
            return new Proposing(FormText.shown(title), FormText.shown(body), FormText.shown(topic));
        }
    }

    @GetMapping("/cooperatives/{cooperativeId}/charter-amendment")
    Mono<String> form(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return access.requireAnyRole(cooperativeId, user, Role.MEMBER).map(granted -> page(model, user, granted.cooperative(),
                CharterForm.of(granted.cooperative().charter()), new Proposing("", "", ""), FieldErrors.NONE, null));
    }

    @PostMapping("/cooperatives/{cooperativeId}/charter-amendment")
    Mono<String> post(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        return access.requireAnyRole(cooperativeId, user, Role.MEMBER).flatMap(granted -> exchange.getFormData().flatMap(posted -> {
            CooperativeView coop = granted.cooperative();
            CharterForm form = CharterForm.of(posted);
            Proposing proposing = Proposing.of(posted);
            String action = posted.getFirst("action") == null ? "preview" : posted.getFirst("action");
            CharterForm rows = rows(form, action);
            if (rows != null) {
                return Mono.just(page(model, user, coop, rows.shown(), proposing.shown(), FieldErrors.NONE, null));
            }
            List<Violation> violations = new ArrayList<>();
            try {
                FormText.requireTypable(posted);
            } catch (InvalidInput typed) {
                violations.addAll(typed.violations());
            }
            Charter proposed = form.charter(violations, coop.charter().secretPeopleVotes());
            if (violations.isEmpty()) {
                violations.addAll(CharterRules.violations(CharterRules.complete(proposed)));
            }
            if (!violations.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return Mono.just(page(model, user, coop, form.shown(), proposing.shown(), FieldErrors.of(violations, Words.of(model)), null));
            }
            List<CharterDiff.Change> changes = CharterDiff.between(coop.charter(), CharterRules.complete(proposed), Words.of(model));
            if (!"submit".equals(action)) {
                return Mono.just(page(model, user, coop, form, proposing, FieldErrors.NONE, changes));
            }
            ProposalId id = new ProposalId(ids.newId());
            SubmitProposal command = new SubmitProposal(id, coop.cooperativeId(), proposing.title(), proposing.body(),
                    proposing.topic().isBlank() ? null : proposing.topic().strip(), ProposalKind.CHARTER_AMENDMENT,
                    new ProposalEffect(proposed, null), null, null, null, null, null);
            return commands.send(command, user.caller(null))
                    .thenReturn("redirect:/cooperatives/" + cooperativeId + "/proposals/" + id.value())
                    .onErrorResume(Refusal::shownOnThePage, refused -> {
                        RuleViolation violation = (RuleViolation) refused;
                        exchange.getResponse().setStatusCode(PageProblem.statusOf(violation));
                        FieldErrors errors = violation instanceof InvalidInput invalid ? FieldErrors.of(invalid.violations(), Words.of(model))
                                : FieldErrors.of(List.of(new Violation("", violation.code(), violation.getMessage())), Words.of(model));
                        return Refusal.shownAfresh(() -> Mono.just(page(model, user, coop, form.shown(), proposing.shown(), errors, changes)));
                    });
        }));
    }

    /** The form with a row added or removed, when that is what the button asked; {@code null} otherwise. */
    private static CharterForm rows(CharterForm form, String action) {
        return switch (action) {
            case "add-class" -> form.withBlankClass();
            case "add-topic" -> form.withBlankTopic();
            case "add-rate" -> form.withBlankRate();
            default -> {
                String[] remove = action.split(":", 2);
                if (remove.length != 2 || !remove[1].matches("\\d{1,3}")) {
                    yield null;
                }
                int row = Integer.parseInt(remove[1]);
                yield switch (remove[0]) {
                    case "remove-class" -> form.withoutClass(row);
                    case "remove-topic" -> form.withoutTopic(row);
                    case "remove-rate" -> form.withoutRate(row);
                    default -> null;
                };
            }
        };
    }

    private static String page(Model model, PlenumUser user, CooperativeView coop, CharterForm form, Proposing proposing,
                               FieldErrors errors, List<CharterDiff.Change> changes) {
        model.addAttribute("user", user);
        model.addAttribute("coop", coop);
        model.addAttribute("form", form);
        model.addAttribute("proposing", proposing);
        model.addAttribute("errors", errors);
        if (changes != null) {
            model.addAttribute("changes", changes);
        }
        return "charter-amendment";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
