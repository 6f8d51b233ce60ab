package coop.plenum.api.membership;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.membership.query.MemberView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The member shape clients rely on (SPEC "HTTP API"), plus when they joined and, on one member, their history. */
public record MemberJson(String memberId, String accountId, String displayName, String classId, String status,
                         List<String> roles, String votingPower, Instant appliedAt, Instant memberSince,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ChangeJson> history) {

    public record ChangeJson(String change, String status, String classId, Instant at, String by, String byName) {
    }

    /** {@code votingPower}: the charter's rule applied to the member's accepted points now (see the voting-power endpoint). */
    static MemberJson of(MemberView m, BigDecimal votingPower, boolean withHistory) {
        return new MemberJson(m.memberId().value(), m.accountId().value(), m.displayName(), m.classId(), m.status().name(),
                m.roles().stream().map(Enum::name).toList(),
                votingPower.toPlainString(),
                m.appliedAt(), m.memberSince(),
                withHistory ? m.history().stream().map(c -> new ChangeJson(c.change(), c.status() == null ? null : c.status().name(),
                        c.classId(), c.at(), c.by(), c.byName())).toList() : null);
    }
}
