package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Issue 14: the pages show times in the signed-in person's time zone (account settings), with the zone named after
 * each time ("2 Dec 19:00 CET"); signed out, or with none set, in UTC. The API and the audit pages keep UTC, the time
 * the log keeps; date-and-time fields in forms say which zone they read.
 */
@ControllerAdvice(basePackages = "coop.plenum.web")
class PageTimeZoneAdvice {

    static final String UTC = "UTC";

    private final Queries queries;

    PageTimeZoneAdvice(Queries queries) {
        this.queries = queries;
    }

    @ModelAttribute("zone")
    Mono<String> zone(@AuthenticationPrincipal PlenumUser user) {
        if (user == null) {
            return Mono.just(UTC);
        }
        return queries.one(new FindAccount(user.accountId()), AccountView.class)
                .map(account -> known(account.timeZone()))
                .defaultIfEmpty(UTC);
    }

    /** A zone the JDK knows, else UTC: a page never fails over a setting stored before its rules were checked. */
    static String known(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}
