package coop.plenum.api.proposal;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.audit.chain.ProposalReplays;
import coop.plenum.governance.audit.offline.DecisionReplay;
import coop.plenum.governance.audit.offline.WhatIfRules;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.Threshold;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** A closed vote re-tallied under other rules: labelled hypothetical, read from the log, storing nothing. */
@RestController
@Tag(name = "Proposals")
class WhatIfController {

    private final CooperativeAccess access;
    private final ProposalsOfCooperative proposals;
    private final ProposalReplays replays;

    WhatIfController(CooperativeAccess access, ProposalsOfCooperative proposals, ProposalReplays replays) {
        this.access = access;
        this.proposals = proposals;
        this.replays = replays;
    }

    /** Rules to try; anything left out stays as pinned when voting opened. */
    record WhatIfRequest(Threshold threshold, ClassRule classRule, Map<String, WhatIfRules.ClassChange> classes,
                         Boolean delegation, Integer maxChainLength) {
    }

    record RulesJson(String threshold, String classRule, List<ClassRulesJson> classes, boolean delegation, int maxChainLength) {
    }

    record ClassRulesJson(String id, int weight, int quorum) {
    }

    record RecordedJson(String outcome, String approval) {
    }

    record HypotheticalTallyJson(String outcome, String approval, List<TallyJson.ClassJson> classes) {
    }

    record WhatIfResponse(String proposalId, boolean hypothetical, RulesJson rules, RecordedJson recorded,
                          HypotheticalTallyJson tally) {
    }

    @PostMapping("/api/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/what-if")
    @coop.plenum.api.support.ChangesNothing
    @Operation(summary = "Re-tally a closed vote under other rules (threshold, class rule, weights and quorums, delegation); "
            + "hypothetical, stores nothing (members, auditors)")
    Mono<WhatIfResponse> whatIf(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                @RequestBody WhatIfRequest request, @AuthenticationPrincipal PlenumUser user) {
        WhatIfRules rules = new WhatIfRules(request.threshold(), request.classRule(),
                request.classes() == null ? Map.of() : request.classes(), request.delegation(), request.maxChainLength());
        return access.requireReader(cooperativeId, user).then(proposals.require(cooperativeId, proposalId))
                .then(Mono.fromCallable(() -> respond(proposalId, replays.of(proposalId).whatIf(rules)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private static WhatIfResponse respond(String proposalId, DecisionReplay.Hypothesis result) {
        RulesJson rules = new RulesJson(result.decision().threshold().name(), result.decision().classRule().name(),
                result.classes().stream().map(c -> new ClassRulesJson(c.id(), c.weight(), c.quorum())).toList(),
                Boolean.TRUE.equals(result.delegation().enabled()), result.delegation().maxChainLength());
        return new WhatIfResponse(proposalId, true, rules,
                new RecordedJson(String.valueOf(result.recorded().outcome()), result.recorded().approval()),
                new HypotheticalTallyJson(result.tally().outcome().name(), TallyJson.ratio(result.tally().approval()),
                        result.tally().classes().stream().map(TallyJson::of).toList()));
    }
}
