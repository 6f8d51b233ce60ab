package coop.plenum.api.calendar;

import coop.plenum.api.proposal.ProposalsOfCooperative;
import coop.plenum.api.security.AccessTokenSecret;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.calendar.IssueCalendarFeed;
import coop.plenum.governance.calendar.query.FindCalendarFeedOwner;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.CooperativeSummary;
import coop.plenum.governance.membership.query.FindCooperativesOf;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.query.FindProposals;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * Votes in calendars: an .ics file per proposal with a schedule, and each account's private feed of the open and
 * scheduled votes across its cooperatives. Calendar apps cannot sign in, so the feed's URL is its own credential:
 * a random token of which only the SHA-256 is stored; regenerating it ends the old URL. The feed tells titles,
 * times and links only.
 */
@RestController
@Tag(name = "Calendar", description = "Voting windows as iCalendar (RFC 5545): per proposal, and a private feed per account")
public class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);
    static final String FEED_PREFIX = "/calendar/";

    private final Queries queries;
    private final Commands commands;
    private final CooperativeAccess access;
    private final ProposalsOfCooperative proposals;
    private final PublicUrl links;
    private final AnonymousThrottle perToken;

    CalendarController(Queries queries, Commands commands, CooperativeAccess access, ProposalsOfCooperative proposals,
                       PublicUrl links, java.time.Clock clock,
                       @Value("${plenum.calendar.feed-requests-per-token-per-hour:60}") int requestsPerToken) {
        this.queries = queries;
        this.commands = commands;
        this.access = access;
        this.proposals = proposals;
        this.links = links;
        // calendar apps poll every 15 minutes to a day: 60 an hour is generous for them, and bounds what a leaked URL costs
        this.perToken = new AnonymousThrottle(clock, requestsPerToken, java.time.Duration.ofHours(1), 100_000);
    }

    public record FeedJson(String url) {
    }

    @GetMapping(value = "/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/calendar.ics")
    @Operation(summary = "The proposal's voting window as an iCalendar file (404 when it has no schedule)")
    @ApiResponse(responseCode = "200", description = "an iCalendar file with one event",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/calendar",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    public Mono<ResponseEntity<String>> proposal(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                          @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user)
                .then(proposals.require(cooperativeId, proposalId))
                .map(p -> {
                    if (p.votingOpensAt() == null || p.votingClosesAt() == null) {
                        throw new NotFound("proposal.no-schedule", "this proposal has no voting schedule");
                    }
                    return ResponseEntity.ok()
                            .contentType(TEXT_CALENDAR)
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proposal-" + p.proposalId().value() + ".ics\"")
                            .body(Ics.calendar(p.title(), List.of(event(p))));
                });
    }

    @PostMapping("/api/v1/accounts/me/calendar-feed")
    @Operation(summary = "Issue my private calendar feed URL, or a new one (the old URL stops working); shown once")
    @ApiResponse(responseCode = "201", description = "created")
    public Mono<ResponseEntity<FeedJson>> issueFeed(@AuthenticationPrincipal PlenumUser user,
                                             @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        String token = "cal_" + AccessTokenSecret.generate().substring("plnm_".length());
        return commands.send(new IssueCalendarFeed(IssueCalendarFeed.feedIdOf(user.accountId()), user.accountId(),
                        AccessTokenSecret.sha256(token)), user.caller(correlation))
                .then(Mono.fromSupplier(() -> ResponseEntity.created(URI.create("/api/v1/accounts/me/calendar-feed"))
                        .body(new FeedJson(links.link(FEED_PREFIX + token + ".ics")))));
    }

    /**
     * No sign-in (calendar apps cannot): the token is the credential. An unknown or replaced token is a plain 404.
     * Each token may be fetched {@code plenum.calendar.feed-requests-per-token-per-hour} times an hour (429 with
     * Retry-After after that), counted by its SHA-256 before the lookup, so a known and an unknown token answer alike.
     */
    @GetMapping(FEED_PREFIX + "{token}.ics")
    Mono<ResponseEntity<String>> feed(@PathVariable String token) {
        if (token.length() > 100 || !token.matches("cal_[A-Za-z0-9_-]+")) {
            return Mono.just(notFound());
        }
        perToken.acquire(AccessTokenSecret.sha256(token));
        return queries.one(new FindCalendarFeedOwner(AccessTokenSecret.sha256(token)), AccountId.class)
                .flatMap(owner -> votesOf(owner).map(events -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noStore())
                        .header("Referrer-Policy", "no-referrer")
                        .body(Ics.calendar("Plenum votes", events))))
                .defaultIfEmpty(notFound());
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("No such calendar feed.\n");
    }

    /** Open and scheduled votes in the cooperatives where the account is an active member or holds a role. */
    private Mono<List<Ics.Event>> votesOf(AccountId owner) {
        return queries.many(new FindCooperativesOf(owner), CooperativeSummary.class)
                .flatMapMany(Flux::fromIterable)
                .filter(c -> c.myStatus() == MemberStatus.ACTIVE || (c.myRoles() != null && !c.myRoles().isEmpty()))
                .flatMap(c -> Flux.concat(
                        queries.many(new FindProposals(c.cooperativeId(), ProposalState.VOTING), ProposalSummary.class),
                        queries.many(new FindProposals(c.cooperativeId(), ProposalState.DELIBERATION), ProposalSummary.class)))
                .flatMapIterable(list -> list)
                .filter(p -> p.votingOpensAt() != null && p.votingClosesAt() != null)
                .map(this::event)
                .sort(Comparator.comparing(Ics.Event::start).thenComparing(Ics.Event::uid))
                .collectList();
    }

    private Ics.Event event(ProposalSummary p) {
        String link = links.link("/cooperatives/" + p.cooperativeId().value() + "/proposals/" + p.proposalId().value());
        // the stamp is the submission: the same proposal gives the same bytes on every download
        return new Ics.Event("proposal-" + p.proposalId().value() + "@plenum", p.submittedAt(), p.votingOpensAt(),
                p.votingClosesAt(), "Vote: " + p.title(), "Voting window of \"" + p.title() + "\". " + link, link);
    }

}
