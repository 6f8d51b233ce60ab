package coop.plenum.web;

import coop.plenum.api.delegation.MemberDelegations;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.delegation.DelegateVote;
import coop.plenum.governance.delegation.RevokeDelegation;
import coop.plenum.governance.delegation.query.DelegationOverview;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.voting.Delegations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "My delegations": delegate globally or per topic with a member picker, see who represents me for each topic and
 * where the chain ends, whom I represent, warnings, and a picture of the delegation graph around me.
 */
@Controller
class DelegationPage {

    private final CooperativeAccess access;
    private final Commands commands;
    private final MemberDelegations memberDelegations;
    private final Queries queries;

    DelegationPage(CooperativeAccess access, Commands commands, MemberDelegations memberDelegations, Queries queries) {
        this.queries = queries;
        this.access = access;
        this.commands = commands;
        this.memberDelegations = memberDelegations;
    }

    @GetMapping("/cooperatives/{cooperativeId}/delegations")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            MemberId me = granted.access().memberId();
            if (me == null) {
                return Mono.error(new NotAllowed("delegation.members-only", "only members delegate votes"));
            }
            var charter = granted.cooperative().charter();
            return memberDelegations.of(granted.cooperative(), me)
                    .map(seen -> {
                        DelegationOverview overview = seen.overview();
                        Map<MemberId, String> names = seen.names();
                        List<MemberView> members = seen.members();
                        int max = charter.delegation().maxChainLength() == null ? 0 : charter.delegation().maxChainLength();
                        Map<String, MemberId> mine = new LinkedHashMap<>();
                        mine.put(Delegations.GLOBAL, null);
                        charter.topics().forEach(topic -> mine.put(topic, null));
                        overview.mine().forEach(d -> mine.put(d.scope(), d.delegateId()));
                        model.addAttribute("user", user);
                        model.addAttribute("coop", granted.cooperative());
                        model.addAttribute("me", me);
                        model.addAttribute("active", granted.access().isActiveMember());
                        model.addAttribute("enabled", Boolean.TRUE.equals(charter.delegation().enabled()));
                        model.addAttribute("maxChainLength", max);
                        model.addAttribute("mine", mine);
                        model.addAttribute("overview", overview);
                        model.addAttribute("names", names);
                        model.addAttribute("candidates", members.stream()
                                .filter(m -> m.status() == MemberStatus.ACTIVE && !m.memberId().equals(me))
                                .sorted(Comparator.comparing(m -> names.get(m.memberId()), String.CASE_INSENSITIVE_ORDER))
                                .toList());
                        model.addAttribute("picture", DelegationPicture.around(me, overview, names, Words.of(model)));
                        return "delegations";
                    });
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/delegations/{scope}")
    Mono<String> delegate(@PathVariable String cooperativeId, @PathVariable String scope, @AuthenticationPrincipal PlenumUser user,
                          ServerWebExchange exchange, Model model) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> exchange.getFormData().flatMap(form -> {
            FormText.requireTypable(form);
            String delegate = form.getFirst("delegateId");
            MemberId me = granted.access().memberId();
            if (me == null) {
                return Mono.error(new NotAllowed("delegation.members-only", "only members delegate votes"));
            }
            boolean revoke = "revoke".equals(form.getFirst("action")) || delegate == null || delegate.isBlank();
            CooperativeId coop = granted.cooperative().cooperativeId();
            if (revoke) {
                return commands.send(new RevokeDelegation(coop, me, scope), user.caller(null))
                        .thenReturn(redirect(cooperativeId, Words.of(model).say("notice.delegationRevoked")));
            }
            // the delegate is a member of this cooperative, or not found here
            return queries.one(new FindMember(coop, new MemberId(delegate.strip())), MemberView.class)
                    .switchIfEmpty(Mono.error(() -> new NotFound("membership.not-found", "no such member in this cooperative")))
                    .then(commands.send(new DelegateVote(coop, me, scope, new MemberId(delegate.strip())), user.caller(null)))
                    .thenReturn(redirect(cooperativeId, Words.of(model).say("notice.delegated")));
        }).onErrorResume(Refusal::shownOnThePage, refused -> Mono.just(redirect(cooperativeId, RefusalWords.say(refused, Words.of(model))))));
    }

    private static String redirect(String cooperativeId, String notice) {
        return "redirect:/cooperatives/" + cooperativeId + "/delegations?notice=" + ApplicationPage.encode(notice);
    }

    /** Nodes and arrows (pixel coordinates) of a small SVG: my chain (global delegation or the first topic's) to the right, my delegators to the left. */
    record DelegationPicture(int width, int height, List<Node> nodes, List<Arrow> arrows) {

        record Node(int x, int y, String label, String kind) {
        }

        record Arrow(int x1, int y1, int x2, int y2) {
        }

        static DelegationPicture around(MemberId me, DelegationOverview overview, Map<MemberId, String> names, Words words) {
            int width = 780;
            int step = 140;
            List<Node> nodes = new ArrayList<>();
            List<Arrow> arrows = new ArrayList<>();
            var topic = overview.topics().isEmpty() ? null : overview.topics().get(0);
            List<MemberId> delegators = new ArrayList<>();
            overview.toMe().forEach(d -> {
                if (!delegators.contains(d.memberId())) {
                    delegators.add(d.memberId());
                }
            });
            int rows = Math.max(1, Math.min(delegators.size(), 8));
            int height = Math.max(140, rows * 44 + 40);
            int centerY = height / 2;
            int meX = 200;
            nodes.add(new Node(meX, centerY, words.say("delegations.you"), "me"));
            for (int i = 0; i < Math.min(delegators.size(), 8); i++) {
                int y = rows == 1 ? centerY : 30 + i * (height - 60) / (rows - 1);
                String label = i == 7 && delegators.size() > 8 ? "+" + (delegators.size() - 7) + " more" : names.getOrDefault(delegators.get(i), "?");
                nodes.add(new Node(60, y, label, "delegator"));
                arrows.add(new Arrow(105, y, meX - 55, centerY));
            }
            if (topic != null) {
                List<MemberId> chain = topic.chain();
                int x = meX;
                for (int i = 1; i < chain.size() && i <= 4; i++) {
                    int nx = x + step;
                    boolean last = i == chain.size() - 1;
                    String kind = last && topic.ending() == DelegationOverview.Ending.CYCLE ? "cycle" : last ? "end" : "delegate";
                    String label = i == 4 && chain.size() > 5 ? "… " + (chain.size() - 4) + " more" : names.getOrDefault(chain.get(i), "?");
                    nodes.add(new Node(nx, centerY, label, kind));
                    arrows.add(new Arrow(x + 55, centerY, nx - 55, centerY));
                    x = nx;
                }
            }
            return new DelegationPicture(width, height, nodes, arrows);
        }
    }
}
