package coop.plenum.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.audit.BallotReceiptJson;
import coop.plenum.api.audit.BallotReceipts;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.AsOf;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Locations;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotRecorded;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.CommentOnProposal;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalEffect;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.RecordOutcomeStatement;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.ReviseProposal;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.WithdrawProposal;
import coop.plenum.governance.proposal.query.FindProposal;
import coop.plenum.governance.proposal.query.FindProposals;
import coop.plenum.governance.proposal.query.FindTally;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.ProposalView;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.springframework.http.codec.ServerSentEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Proposals, ballots and tallies. Who may do what (ACTIVE members propose and comment, the author revises and
 * withdraws, a secretary opens and closes, electorate members vote for themselves) is decided by the Proposal
 * aggregate from the authenticated caller; reads need a role in the cooperative.
 */
@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/proposals")
@Tag(name = "Proposals", description = "Deliberation, votes, ballots and exact per-class tallies")
class ProposalController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;
    private final Queries queries;
    private final CooperativeAccess access;
    private final IdGenerator ids;
    private final ObjectMapper json;
    private final TallyStream stream;
    private final ProposalsOfCooperative proposals;
    private final BallotReceipts ballotReceipts;

    ProposalController(Commands commands, Queries queries, CooperativeAccess access, IdGenerator ids, ObjectMapper json,
                       TallyStream stream, ProposalsOfCooperative proposals, BallotReceipts ballotReceipts) {
        this.ballotReceipts = ballotReceipts;
        this.stream = stream;
        this.proposals = proposals;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.ids = ids;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Submit a proposal (ACTIVE members)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<Map<String, String>>> submit(@PathVariable String cooperativeId, @RequestBody SubmitProposalRequest request,
                                                     @AuthenticationPrincipal PlenumUser user,
                                                     @RequestHeader(value = CORRELATION, required = false) String correlation) {
        ProposalId id = new ProposalId(ids.newId());
        return Mono.fromCallable(() -> new SubmitProposal(id, new CooperativeId(cooperativeId), request.title(), request.body(),
                        request.topic(), request.kind(), effect(request.kind(), request.effect()), request.votingOpensAt(),
                        request.votingClosesAt(), request.method(), request.options(), request.visibility(), request.seats(),
                        request.budget(), request.secrecy()))
                .flatMap(command -> commands.send(command, user.caller(correlation)))
                .thenReturn(ResponseEntity.created(Locations.of("/api/v1/cooperatives/{c}/proposals/{p}", cooperativeId, id.value()))
                        .body(Map.of("proposalId", id.value())));
    }

    private ProposalEffect effect(ProposalKind kind, JsonNode effect) {
        if (effect == null || effect.isNull() || kind == null || kind == ProposalKind.GENERAL) {
            return effect == null || effect.isNull() ? null : new ProposalEffect(null, null);
        }
        if (kind == ProposalKind.CHARTER_AMENDMENT) {
            try {
                var charter = json.treeToValue(effect.has("charter") ? effect.get("charter") : effect,
                        coop.plenum.api.cooperative.CharterJson.class);
                return new ProposalEffect(coop.plenum.api.cooperative.CharterJson.toCharterOf(charter), null);
            } catch (Exception unreadable) {
                throw new InvalidInput("effect", "proposal.effect-unreadable", "effect is the new charter");
            }
        }
        String memberId = effect.isTextual() ? effect.asText() : effect.path("memberId").asText(null);
        if (memberId == null || memberId.isBlank()) {
            throw new InvalidInput("effect", "proposal.effect-member-missing", "effect is the member id");
        }
        return new ProposalEffect(null, new MemberId(memberId));
    }

    @GetMapping
    @Operation(summary = "The cooperative's proposals, newest first (members, auditors)")
    Mono<List<ProposalJson>> list(@PathVariable String cooperativeId, @RequestParam(required = false) ProposalState state,
                                  @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted ->
                queries.many(new FindProposals(granted.cooperative().cooperativeId(), state), ProposalSummary.class)
                        .map(list -> list.stream().map(ProposalJson::summary).toList()));
    }

    @GetMapping("/{proposalId}")
    @Operation(summary = "One proposal with its revisions, comments, electorate and ballots")
    Mono<ProposalJson> one(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> proposal(cooperativeId, proposalId)
                .then(queries.one(new FindProposal(new ProposalId(proposalId)), ProposalView.class))
                .map(view -> ProposalJson.detail(view.seenBy(granted.access().memberId()))));
    }

    @PutMapping("/{proposalId}/outcome-statement")
    @Operation(summary = "Record the outcome statement (the author, once the vote has closed; again replaces it, every version stays in the log)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> outcomeStatement(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                                @RequestBody OutcomeStatementRequest request, @AuthenticationPrincipal PlenumUser user,
                                                @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return send(cooperativeId, proposalId, new RecordOutcomeStatement(new ProposalId(proposalId), request.statement()), user,
                correlation);
    }

    @PutMapping("/{proposalId}")
    @Operation(summary = "Revise title and body (the author, during deliberation)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> revise(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                      @RequestBody ReviseRequest request, @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return send(cooperativeId, proposalId, new ReviseProposal(new ProposalId(proposalId), request.title(), request.body()), user, correlation);
    }

    @PostMapping("/{proposalId}/opening")
    @Operation(summary = "Open the vote (secretary; proposals without a scheduled opening)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> open(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                    @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return send(cooperativeId, proposalId, new OpenVoting(new ProposalId(proposalId)), user, correlation);
    }

    @PostMapping("/{proposalId}/closing")
    @Operation(summary = "Close the vote (secretary; proposals without a scheduled closing)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> close(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                     @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return send(cooperativeId, proposalId, new CloseVoting(new ProposalId(proposalId)), user, correlation);
    }

    @PostMapping("/{proposalId}/withdrawal")
    @Operation(summary = "Withdraw the proposal (the author, during deliberation)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> withdraw(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                        @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return send(cooperativeId, proposalId, new WithdrawProposal(new ProposalId(proposalId)), user, correlation);
    }

    @PostMapping("/{proposalId}/comments")
    @Operation(summary = "Comment (ACTIVE members, during deliberation and voting); with replyTo, a reply to that comment of "
            + "this proposal (400 naming replyTo when it names none). The text is Markdown, shown sanitised on the pages")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<Map<String, String>>> comment(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                                      @RequestBody CommentRequest request, @AuthenticationPrincipal PlenumUser user,
                                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        String commentId = ids.newId();
        return commands.sendUnder(cooperativeId, new CommentOnProposal(new ProposalId(proposalId), commentId, request.text(), request.replyTo()),
                        user.caller(correlation), () -> notHere(proposalId))
                .thenReturn(ResponseEntity.status(201).body(Map.of("commentId", commentId)));
    }

    @PutMapping("/{proposalId}/ballots/{memberId}")
    @Operation(summary = "Cast or recast your ballot (members of the frozen electorate, while voting is open); answers 200 "
            + "with a receipt: the ballot's log position, event type, aggregate and sequence, its event hash, and where its "
            + "inclusion proof can be fetched once a checkpoint covers it (proof.url, proof.availableBy). In a SECRET vote "
            + "the answer also holds secretReceipt {secret, tag}, ONCE: keep the secret to find your ballot among the revealed "
            + "ones after close (the server does not store it); a client may send its own receiptSecret (22 to 128 base64url "
            + "characters, else 400 naming receiptSecret); a reason is refused (400 naming reason) except a CONSENT objection's")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the ballot is recorded; its receipt")
    Mono<BallotReceiptJson> cast(@PathVariable String cooperativeId, @PathVariable String proposalId, @PathVariable String memberId,
                                 @RequestBody BallotRequest request, @AuthenticationPrincipal PlenumUser user,
                                 @RequestHeader(value = CORRELATION, required = false) String correlation) {
        // no read-model lookup first: the Proposal aggregate answers 404 for an unknown id or another cooperative's. So
        // every cast carries a receipt tag; an open vote ignores it, a secret one seals it, and only then is the
        // secret behind it handed to the voter (it is never stored, nor sent to the aggregate)
        ProposalId id = new ProposalId(proposalId);
        SecretReceipts.Issued receipt = SecretReceipts.issue(id, request.receiptSecret());
        return commands.<BallotRecorded>sendUnder(cooperativeId, new CastBallot(id, new MemberId(memberId),
                        request.choice(), request.approve(), request.scores(), request.reason(), request.consent(), request.ranking(),
                        receipt.tag()), user.caller(correlation), () -> notHere(proposalId))
                .flatMap(recorded -> ballotReceipts.of(recorded, memberId).map(json -> recorded.sealed()
                        ? json.withSecretReceipt(new coop.plenum.api.audit.BallotReceiptJson.SecretReceipt(receipt.secret(), receipt.tag()))
                        : json));
    }

    @DeleteMapping("/{proposalId}/ballots/{memberId}")
    @Operation(summary = "Retract your ballot while voting is open")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> retract(@PathVariable String cooperativeId, @PathVariable String proposalId, @PathVariable String memberId,
                                       @AuthenticationPrincipal PlenumUser user, @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return send(cooperativeId, proposalId, new RetractBallot(new ProposalId(proposalId), new MemberId(memberId)), user, correlation);
    }

    @GetMapping("/{proposalId}/tally")
    @Operation(summary = "The tally: live while voting, final after closing, or as of any past instant (?asOf=ISO-8601); "
            + "while an AFTER_CLOSE vote is open, participation per class only, with hidden: AFTER_CLOSE; a SECRET vote "
            + "as of an instant before its close, participation per class as it stood then, hidden, also once closed")
    Mono<TallyJson> tally(@PathVariable String cooperativeId, @PathVariable String proposalId,
                          @RequestParam(required = false) String asOf, @AuthenticationPrincipal PlenumUser user) {
        Instant instant = AsOf.parse(asOf);
        return access.requireReader(cooperativeId, user).then(proposal(cooperativeId, proposalId))
                .then(queries.one(new FindTally(new ProposalId(proposalId), instant), TallyView.class))
                .map(TallyJson::of);
    }

    @GetMapping("/{proposalId}/revealed-ballots")
    @Operation(summary = "A closed SECRET vote's ballots, revealed without their members in tag order (members, auditors): "
            + "each voter finds theirs by the SHA-256 tag of their receipt secret, computed on their side. 409 "
            + "ballot.secret-vote-open while the vote is open (nothing is revealed before close), 409 proposal.not-secret for "
            + "an open-ballot proposal (its ballots are in the proposal itself)")
    @ApiResponse(responseCode = "200", description = "the revealed ballots, whole")
    @ApiResponse(responseCode = "409", description = "the vote is still open, or it is not a secret vote")
    Mono<RevealedBallotsJson> revealedBallots(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                              @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).then(proposal(cooperativeId, proposalId))
                .then(queries.one(new coop.plenum.governance.proposal.query.FindRevealedBallots(new ProposalId(proposalId)),
                        coop.plenum.governance.proposal.query.RevealedBallotsView.class))
                .map(view -> {
                    if (!view.secret()) {
                        throw new coop.plenum.kernel.StateConflict("proposal.not-secret",
                                "this vote's ballots are not secret: they are in the proposal itself");
                    }
                    if (view.state() != ProposalState.CLOSED && view.state() != ProposalState.EXECUTED) {
                        throw new coop.plenum.kernel.StateConflict("ballot.secret-vote-open",
                                "a secret vote's ballots are revealed when it closes; it is " + view.state());
                    }
                    return RevealedBallotsJson.of(view);
                });
    }

    @GetMapping(value = "/{proposalId}/tally/stream", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The live tally as server-sent events: one 'tally' event now and one per change")
    Flux<ServerSentEvent<TallyJson>> tallyStream(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                                 @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).then(proposal(cooperativeId, proposalId))
                .thenMany(stream.of(new ProposalId(proposalId)));
    }


    private Mono<ProposalSummary> proposal(String cooperativeId, String proposalId) {
        return proposals.require(cooperativeId, proposalId);
    }


    private Mono<ResponseEntity<Void>> send(String cooperativeId, String proposalId, Object command, PlenumUser user, String correlation) {
        // no read-model lookup first: the Proposal aggregate answers 404 for an unknown id or another cooperative's
        return commands.sendUnder(cooperativeId, command, user.caller(correlation), () -> notHere(proposalId))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    private static NotFound notHere(String proposalId) {
        return new NotFound("proposal.not-found", "no proposal '" + proposalId + "' here");
    }
}
