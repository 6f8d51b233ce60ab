package coop.plenum.web;

import coop.plenum.api.notification.Reminders;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Caller;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.notification.Delivery;
import coop.plenum.governance.notification.FindNotificationSettings;
import coop.plenum.governance.notification.FindNotifications;
import coop.plenum.governance.notification.MarkNotificationsRead;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationSettingsView;
import coop.plenum.governance.notification.NotificationView;
import coop.plenum.governance.notification.SetNotificationAddress;
import coop.plenum.governance.notification.SetNotificationPreference;
import coop.plenum.governance.notification.delivery.UnsubscribeLinks;
import coop.plenum.kernel.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The inbox (list, mark read, mark all read), the notification preferences, a secretary's "remind those who haven't
 * voted" button, and the unsubscribe page an email links to (no sign-in: its signature is the proof).
 */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 50;

    private final Queries queries;
    private final Commands commands;
    private final UnsubscribeLinks links;
    private final Reminders reminders;

    NotificationPages(Queries queries, Commands commands, UnsubscribeLinks links, Reminders reminders) {
        this.queries = queries;
        this.commands = commands;
        this.links = links;
        this.reminders = reminders;
    }

    @GetMapping("/notifications")
    Mono<String> inbox(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return queries.many(new FindNotifications(user.accountId(), 0, PAGE_SIZE), NotificationView.class).map(found -> {
            model.addAttribute("user", user);
            model.addAttribute("notifications", found);
            Words words = Words.of(model);
            Figures fig = model.getAttribute("fig") instanceof Figures f ? f : Figures.in(words.locale());
            java.time.ZoneId zone = PageLanguageAdvice.readerZone(exchange);
            // each entry in the reader's language (older entries as stored)
            model.addAttribute("said", found.stream().collect(java.util.stream.Collectors.toMap(NotificationView::id,
                    n -> NotificationWords.of(n, words, fig, zone), (a, b) -> a)));
            model.addAttribute("anyUnread", found.stream().anyMatch(n -> !n.read()));
            return "notifications";
        });
    }

    @PostMapping("/notifications/read")
    Mono<String> read(@AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            FormText.requireTypable(form);
            boolean all = "all".equals(form.getFirst("which"));
            List<String> ids = form.getOrDefault("id", List.of());
            return commands.send(new MarkNotificationsRead(user.accountId(), ids, all), user.caller(null))
                    .thenReturn("redirect:/notifications");
        }).onErrorResume(Refusal::shownOnThePage, refused -> Mono.just("redirect:/notifications?notice="
                + ApplicationPage.encode(RefusalWords.say(refused, Words.of(model)))));
    }

    @GetMapping("/notifications/preferences")
    Mono<String> preferences(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return queries.one(new FindNotificationSettings(user.accountId()), NotificationSettingsView.class).map(settings -> {
            model.addAttribute("user", user);
            model.addAttribute("email", settings.email() == null ? "" : settings.email());
            model.addAttribute("preferences", settings.preferences());
            model.addAttribute("kinds", NotificationKind.values());
            model.addAttribute("deliveries", Delivery.values());
            return "notification-preferences";
        });
    }

    @PostMapping("/notifications/preferences")
    Mono<String> savePreferences(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            FormText.requireTypable(form);
            List<Object> changes = changes(form, user.accountId());
            return Flux.fromIterable(changes).concatMap(c -> commands.send(c, user.caller(null)).then()).then()
                    .thenReturn("redirect:/notifications/preferences?notice=" + ApplicationPage.encode(Words.of(model).say("notice.preferencesSaved")));
        }).onErrorResume(Refusal::shownOnThePage, refused -> Mono.just("redirect:/notifications/preferences?notice="
                + ApplicationPage.encode(RefusalWords.say(refused, Words.of(model)))));
    }

    /** Every change the form asks for, checked before any is sent; the address first, so a bad one stores nothing. */
    static List<Object> changes(MultiValueMap<String, String> form, AccountId account) {
        List<Object> changes = new ArrayList<>();
        String email = form.getFirst("email");
        if (email != null) {
            changes.add(new SetNotificationAddress(account, email));
        }
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.getFirst("kind-" + kind.name());
            if (value != null) {
                try {
                    changes.add(new SetNotificationPreference(account, kind, Delivery.valueOf(value)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("kind-" + kind.name(), "notification.delivery-invalid",
                            "a delivery is OFF, IN_APP, EMAIL or DIGEST");
                }
            }
        }
        return changes;
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/reminders")
    Mono<String> remind(@PathVariable String cooperativeId, @PathVariable String proposalId,
                        @AuthenticationPrincipal PlenumUser user, Model model) {
        String page = "redirect:/cooperatives/" + cooperativeId + "/proposals/" + proposalId + "?notice=";
        return reminders.remind(cooperativeId, proposalId, user, null)
                .map(n -> page + ApplicationPage.encode(Words.of(model).say("notice.reminded", n)))
                .onErrorResume(Refusal::shownOnThePage, refused -> Mono.just(page + ApplicationPage.encode(RefusalWords.say(refused, Words.of(model)))));
    }

    @GetMapping(UnsubscribeLinks.PATH)
    Mono<String> unsubscribePage(@RequestParam(required = false) String account, @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String signature, Model model, ServerWebExchange exchange) {
        Optional<NotificationKind> verified = links.verify(account, kind, signature);
        if (verified.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("valid", verified.isPresent());
        model.addAttribute("kindLabel", verified.map(NotificationKind::label).orElse(""));
        model.addAttribute("account", account);
        model.addAttribute("kind", kind);
        model.addAttribute("signature", signature);
        model.addAttribute("done", false);
        return Mono.just("unsubscribe");
    }

    /**
     * RFC 8058 one-click (the mail client POSTs {@code List-Unsubscribe=One-Click} to the link) and the page's own
     * button: emails of that kind stop, the inbox keeps them (IN_APP). Acts as the account, whose link it is.
     */
    @PostMapping(UnsubscribeLinks.PATH)
    Mono<String> unsubscribe(@RequestParam(required = false) String account, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String signature, Model model, ServerWebExchange exchange) {
        Optional<NotificationKind> verified = links.verify(account, kind, signature);
        model.addAttribute("valid", verified.isPresent());
        model.addAttribute("kindLabel", verified.map(NotificationKind::label).orElse(""));
        model.addAttribute("done", verified.isPresent());
        if (verified.isEmpty()) {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return Mono.just("unsubscribe");
        }
        AccountId owner = new AccountId(account);
        return commands.send(new SetNotificationPreference(owner, verified.get(), Delivery.IN_APP),
                        new Caller(owner, UUID.randomUUID().toString()))
                .thenReturn("unsubscribe");
    }
}
