package coop.plenum.api.delegation;

import coop.plenum.governance.delegation.query.DelegationOverview;
import coop.plenum.governance.delegation.query.DelegationView;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A member's delegations: {@code delegations} are their own, {@code delegators} who delegates to them directly;
 * per topic who represents them ({@code chain}, {@code endsWith}) and whom they represent ({@code direct},
 * {@code transitive}, {@code powerCarried}); and warnings about their own chains.
 */
record DelegationsJson(String memberId, List<DelegationJson> delegations, List<DelegationJson> delegators,
                       List<TopicJson> topics, List<WarningJson> warnings) {

    record DelegationJson(String memberId, String displayName, String scope, String delegateId, String delegateName, Instant since) {
    }

    record MemberRef(String memberId, String displayName) {
    }

    record TopicJson(String topic, List<MemberRef> chain, String endsWith, MemberRef representative, List<MemberRef> direct,
                     int transitive, String powerCarried) {
    }

    record WarningJson(String topic, String kind, List<MemberRef> members, String message) {
    }

    static DelegationsJson of(DelegationOverview o, Map<String, String> names) {
        return new DelegationsJson(o.memberId().value(),
                o.mine().stream().map(d -> delegation(d, names)).toList(),
                o.toMe().stream().map(d -> delegation(d, names)).toList(),
                o.topics().stream().map(t -> new TopicJson(t.topic(), refs(t.chain(), names), t.ending().name(),
                        t.representative() == null ? null : ref(t.representative(), names), refs(t.direct(), names), t.transitive(),
                        t.powerCarried().setScale(6).toPlainString())).toList(),
                o.warnings().stream().map(w -> new WarningJson(w.topic(), w.kind().name(), refs(w.members(), names), w.message())).toList());
    }

    private static DelegationJson delegation(DelegationView d, Map<String, String> names) {
        return new DelegationJson(d.memberId().value(), names.get(d.memberId().value()), d.scope(), d.delegateId().value(),
                names.get(d.delegateId().value()), d.since());
    }

    static MemberRef ref(MemberId id, Map<String, String> names) {
        return new MemberRef(id.value(), names.get(id.value()));
    }

    static List<MemberRef> refs(List<MemberId> ids, Map<String, String> names) {
        return ids.stream().map(id -> ref(id, names)).toList();
    }
}
