package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.AcceptNomination;
import coop.plenum.governance.proposal.NominateCandidate;
import coop.plenum.governance.proposal.WithdrawCandidacy;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The proposal page's board-election forms (SPEC "Voting methods", ELECTION): nominate a member or stand yourself,
 * accept or withdraw your nomination. The aggregate decides; a refusal comes back to the page as its notice.
 */
@Controller
class ElectionPages {

    private final Commands commands;
    private final coop.plenum.api.proposal.ProposalsOfCooperative proposals;

    ElectionPages(Commands commands, coop.plenum.api.proposal.ProposalsOfCooperative proposals) {
        this.commands = commands;
        this.proposals = proposals;
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/candidates")
    Mono<String> nominate(@PathVariable String cooperativeId, @PathVariable String proposalId,
                          @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange, Model model) {
        return proposals.require(cooperativeId, proposalId).then(exchange.getFormData())
                .flatMap(form -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    String member = form.getFirst("memberId");
                    if (member == null || member.isBlank()) {
                        throw new InvalidInput("memberId", "candidacy.candidate-missing", "choose the member to nominate");
                    }
                    return new NominateCandidate(new ProposalId(proposalId), new MemberId(member.strip()));
                }))
                .flatMap(command -> send(cooperativeId, proposalId, command, user, Words.of(model).say("notice.nominated"), Words.of(model)));
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/candidates/{memberId}/{action:acceptance|withdrawal}")
    Mono<String> answer(@PathVariable String cooperativeId, @PathVariable String proposalId, @PathVariable String memberId,
                        @PathVariable String action, @AuthenticationPrincipal PlenumUser user, Model model) {
        return proposals.require(cooperativeId, proposalId).then(Mono.fromCallable(() -> "acceptance".equals(action)
                        ? (Object) new AcceptNomination(new ProposalId(proposalId), new MemberId(memberId))
                        : new WithdrawCandidacy(new ProposalId(proposalId), new MemberId(memberId))))
                .flatMap(command -> send(cooperativeId, proposalId, command, user,
                        Words.of(model).say("acceptance".equals(action) ? "notice.standing" : "notice.candidacyWithdrawn"), Words.of(model)));
    }

    private Mono<String> send(String cooperativeId, String proposalId, Object command, PlenumUser user, String done,
                              Words words) {
        return commands.send(command, user.caller(null))
                .then(Mono.just(redirect(cooperativeId, proposalId, done)))
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, proposalId, RefusalWords.say(refused, words))));
    }

    private static String redirect(String cooperativeId, String proposalId, String notice) {
        return "redirect:/cooperatives/" + cooperativeId + "/proposals/" + proposalId + "?notice=" + ApplicationPage.encode(notice)
                + "#election";
    }
}
