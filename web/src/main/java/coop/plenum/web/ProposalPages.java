package coop.plenum.web;

import coop.plenum.api.proposal.TallyJson;
import coop.plenum.api.proposal.TallyStream;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.CommentOnProposal;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.WithdrawProposal;
import coop.plenum.governance.proposal.query.FindProposal;
import coop.plenum.governance.proposal.query.FindProposals;
import coop.plenum.governance.proposal.query.FindTally;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.ProposalView;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.tally.Choice;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Proposals in the browser: the list, a new proposal, and a proposal's page with ballots and the live tally. */
@Controller
class ProposalPages {

    private final CooperativeAccess access;
    private final Queries queries;
    private final Commands commands;
    private final IdGenerator ids;
    private final TallyStream tallyStream;
    private final coop.plenum.api.proposal.ProposalsOfCooperative proposals;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ProposalPages(CooperativeAccess access, Queries queries, Commands commands, IdGenerator ids, TallyStream tallyStream,
                  coop.plenum.api.proposal.ProposalsOfCooperative proposals, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.proposals = proposals;
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.ids = ids;
        this.tallyStream = tallyStream;
    }

    private static String base(String cooperativeId) {
        return "/cooperatives/" + cooperativeId + "/proposals";
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals")
    Mono<String> list(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        String stateParam = exchange.getRequest().getQueryParams().getFirst("state");
        ProposalState state = stateParam == null || stateParam.isBlank() ? null : ProposalState.valueOf(stateParam);
        return access.requireReader(cooperativeId, user).flatMap(granted ->
                queries.many(new FindProposals(granted.cooperative().cooperativeId(), state), ProposalSummary.class).map(list -> {
                    model.addAttribute("user", user);
                    model.addAttribute("coop", granted.cooperative());
                    model.addAttribute("proposals", list);
                    model.addAttribute("state", state);
                    model.addAttribute("canPropose", granted.access().isActiveMember());
                    return "proposals";
                }));
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals/new")
    Mono<String> form(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return access.requireAnyRole(cooperativeId, user, Role.MEMBER).flatMap(granted -> formModel(granted.cooperative(), user, model));
    }

    /** The form, with whom an ADMISSION (applicants) or an EXPULSION (ACTIVE or SUSPENDED members) may name. */
    private Mono<String> formModel(coop.plenum.governance.cooperative.query.CooperativeView cooperative, PlenumUser user, Model model) {
        return queries.many(new FindMembers(cooperative.cooperativeId()), MemberView.class).map(members -> {
            model.addAttribute("user", user);
            model.addAttribute("coop", cooperative);
            model.addAttribute("applicants", members.stream()
                    .filter(m -> m.status() == MemberStatus.APPLIED).toList());
            try {
                model.addAttribute("currentCharter", json.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(coop.plenum.api.cooperative.CharterJson.from(cooperative.charter())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the charter always serialises", e);
            }
            model.addAttribute("expellable", members.stream()
                    .filter(m -> m.status() == MemberStatus.ACTIVE
                            || m.status() == MemberStatus.SUSPENDED).toList());
            return "proposal-new";
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals")
    Mono<String> submit(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange,
                        Model model) {
        ProposalId id = new ProposalId(ids.newId());
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) ->
                Mono.fromCallable(() -> submission(id, cooperativeId, form))
                        .flatMap(command -> commands.send(command, user.caller(null)))
                        .thenReturn("redirect:" + base(cooperativeId) + "/" + id.value())
                        .onErrorResume(RuleViolation.class, refused -> access.existing(cooperativeId).flatMap(coop -> {
                            model.addAttribute("error", refused.getMessage());
                            return formModel(coop, user, model);
                        })));
    }

    /** GENERAL, an ADMISSION/EXPULSION naming a member, or a CHARTER_AMENDMENT carrying the whole new charter as JSON. */
    private SubmitProposal submission(ProposalId id, String cooperativeId, MultiValueMap<String, String> form) {
        String kindName = form.getFirst("kind");
        ProposalKind kind = kindName == null || kindName.isBlank() ? ProposalKind.GENERAL : ProposalKind.valueOf(kindName);
        coop.plenum.governance.proposal.ProposalEffect effect = null;
        if (kind == ProposalKind.CHARTER_AMENDMENT) {
            try {
                var charter = json.readValue(orEmpty(form.getFirst("charter")), coop.plenum.api.cooperative.CharterJson.class);
                effect = new coop.plenum.governance.proposal.ProposalEffect(coop.plenum.api.cooperative.CharterJson.toCharterOf(charter), null);
            } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
                throw new coop.plenum.kernel.InvalidInput("effect.charter", "proposal.effect-unreadable",
                        "the new charter is not readable JSON: " + unreadable.getOriginalMessage());
            }
        }
        if (kind == ProposalKind.ADMISSION || kind == ProposalKind.EXPULSION) {
            String member = form.getFirst(kind == ProposalKind.ADMISSION ? "applicantId" : "memberId");
            if (member == null || member.isBlank()) {
                throw new coop.plenum.kernel.InvalidInput("effect.memberId", "proposal.effect-member-missing",
                        kind == ProposalKind.ADMISSION ? "choose the applicant to admit" : "choose the member to expel");
            }
            effect = new coop.plenum.governance.proposal.ProposalEffect(null, new MemberId(member));
        }
        return new SubmitProposal(id, new CooperativeId(cooperativeId), form.getFirst("title"), orEmpty(form.getFirst("body")),
                form.getFirst("topic"), kind, effect, instant(form.getFirst("votingOpensAt")), instant(form.getFirst("votingClosesAt")));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The form's datetime-local fields are read as UTC, as the page says. */
    private static Instant instant(String local) {
        return local == null || local.isBlank() ? null : LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}")
    Mono<String> show(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                      Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return access.requireReader(cooperativeId, user).flatMap(granted -> proposal(cooperativeId, proposalId)
                .zipWith(queries.one(new FindTally(new ProposalId(proposalId), null), TallyView.class))
                .zipWith(queries.many(new FindMembers(granted.cooperative().cooperativeId()), MemberView.class))
                .flatMap(all -> myProvenance(proposalId, granted.access().memberId())
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .map(provenance -> {
                            model.addAttribute("myProvenance", provenance.orElse(null));
                            return all;
                        }))
                .map(all -> {
                    ProposalView proposal = all.getT1().getT1();
                    Map<MemberId, String> names = all.getT2().stream()
                            .collect(Collectors.toMap(MemberView::memberId, m -> m.displayName() == null ? m.memberId().value() : m.displayName()));
                    MemberId me = granted.access().memberId();
                    model.addAttribute("user", user);
                    model.addAttribute("coop", granted.cooperative());
                    model.addAttribute("p", proposal);
                    model.addAttribute("tally", TallyJson.of(all.getT1().getT2()));
                    model.addAttribute("names", names);
                    model.addAttribute("classNames", granted.cooperative().charter().classes().stream()
                            .collect(Collectors.toMap(c -> c.id(), c -> c.name())));
                    model.addAttribute("secretary", granted.access().roles().contains(Role.SECRETARY));
                    model.addAttribute("author", me != null && me.equals(proposal.authorMemberId()));
                    model.addAttribute("canComment", granted.access().isActiveMember());
                    model.addAttribute("myMemberId", me);
                    model.addAttribute("inElectorate", me != null && proposal.electorate().contains(me));
                    model.addAttribute("myChoice", me == null ? null : proposal.ballots().get(me));
                    return "proposal";
                }));
    }

    /** How the signed-in member's power counts (or counted) on this proposal, once voting opened. */
    private Mono<coop.plenum.governance.proposal.query.ProvenanceView> myProvenance(String proposalId, MemberId me) {
        if (me == null) {
            return Mono.empty();
        }
        return queries.one(new coop.plenum.governance.proposal.query.FindVoteProvenance(new ProposalId(proposalId), me, null),
                coop.plenum.governance.proposal.query.ProvenanceView.class);
    }

    @GetMapping(value = "/cooperatives/{cooperativeId}/proposals/{proposalId}/tally/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<TallyJson>> tally(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                           @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).then(proposals.require(cooperativeId, proposalId))
                .thenMany(tallyStream.of(new ProposalId(proposalId)));
    }

    private static final Map<String, Function<ProposalId, Object>> ACTIONS = Map.of(
            "open", OpenVoting::new, "close", CloseVoting::new, "withdraw", WithdrawProposal::new);

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/{action:open|close|withdraw}")
    Mono<String> act(@PathVariable String cooperativeId, @PathVariable String proposalId, @PathVariable String action,
                     @AuthenticationPrincipal PlenumUser user) {
        return proposals.require(cooperativeId, proposalId)
                .then(commands.send(ACTIONS.get(action).apply(new ProposalId(proposalId)), user.caller(null)))
                .thenReturn(redirect(cooperativeId, proposalId, null))
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, proposalId, refused.getMessage())));
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/ballot")
    Mono<String> ballot(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                        ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            MemberId member = new MemberId(form.getFirst("memberId"));
            String choice = form.getFirst("choice");
            Object command = "RETRACT".equals(choice) ? new RetractBallot(new ProposalId(proposalId), member)
                    : new CastBallot(new ProposalId(proposalId), member, Choice.valueOf(choice));
            return commands.send(command, user.caller(null));
        }).thenReturn(redirect(cooperativeId, proposalId, null))
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, proposalId, refused.getMessage())));
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/comments")
    Mono<String> comment(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                         ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> commands.send(
                        new CommentOnProposal(new ProposalId(proposalId), ids.newId(), form.getFirst("text")), user.caller(null)))
                .thenReturn(redirect(cooperativeId, proposalId, null) + "#comments")
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, proposalId, refused.getMessage())));
    }

    private static String redirect(String cooperativeId, String proposalId, String notice) {
        return "redirect:" + base(cooperativeId) + "/" + proposalId + (notice == null ? "" : "?notice=" + ApplicationPage.encode(notice));
    }

    /** The proposal's full page data, once it is known to belong to this cooperative. */
    private Mono<ProposalView> proposal(String cooperativeId, String proposalId) {
        return proposals.require(cooperativeId, proposalId)
                .then(queries.one(new FindProposal(new ProposalId(proposalId)), ProposalView.class));
    }

}
