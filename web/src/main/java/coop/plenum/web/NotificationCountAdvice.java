package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.notification.CountUnreadNotifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.publisher.Mono;

/** The unread count in the top bar of every page for a signed-in person (one count on the inbox's read model). */
@ControllerAdvice(basePackages = "coop.plenum.web")
class NotificationCountAdvice {

    private final Queries queries;

    NotificationCountAdvice(Queries queries) {
        this.queries = queries;
    }

    @ModelAttribute("unreadNotifications")
    Mono<Long> unread(@AuthenticationPrincipal PlenumUser user) {
        return user == null ? Mono.empty() : queries.one(new CountUnreadNotifications(user.accountId()), Long.class);
    }
}
