package coop.plenum.web;

import coop.plenum.api.calendar.CalendarController;
import coop.plenum.api.security.PlenumUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Mono;

/**
 * The calendar in the browser (signed in with the session, not HTTP Basic): a proposal's .ics download, and the
 * button that issues the private feed URL and shows it once. The work is the API's, so both answer alike.
 */
@Controller
class CalendarPages {

    private final CalendarController calendars;

    CalendarPages(CalendarController calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/calendar.ics")
    @ResponseBody
    Mono<ResponseEntity<String>> proposal(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                          @AuthenticationPrincipal PlenumUser user) {
        return calendars.proposal(cooperativeId, proposalId, user);
    }

    @PostMapping("/calendar-feed")
    Mono<String> issueFeed(@AuthenticationPrincipal PlenumUser user, Model model) {
        return calendars.issueFeed(user, null).map(answer -> {
            model.addAttribute("user", user);
            model.addAttribute("feedUrl", answer.getBody().url());
            return "calendar-feed";
        });
    }
}
