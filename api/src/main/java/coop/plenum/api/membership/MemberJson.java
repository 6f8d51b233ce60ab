package coop.plenum.api.membership;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.cooperative.Charter;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.power.VotingPowerFormula;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The member shape clients rely on (SPEC "HTTP API"), plus when they joined and, on one member, their history. */
public record MemberJson(String memberId, String accountId, String displayName, String classId, String status,
                         List<String> roles, String votingPower, Instant appliedAt, Instant memberSince,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ChangeJson> history) {

    public record ChangeJson(String change, String status, String classId, Instant at, String by, String byName) {
    }

    /** Accepted contribution points come from the ledger; until it records any, every member has none. */
    private static final BigDecimal NO_ACCEPTED_POINTS = BigDecimal.ZERO;

    static MemberJson of(MemberView m, Charter charter, boolean withHistory) {
        return new MemberJson(m.memberId().value(), m.accountId().value(), m.displayName(), m.classId(), m.status().name(),
                m.roles().stream().map(Enum::name).toList(),
                VotingPowerFormula.power(charter.votingPower(), NO_ACCEPTED_POINTS).toPlainString(),
                m.appliedAt(), m.memberSince(),
                withHistory ? m.history().stream().map(c -> new ChangeJson(c.change(), c.status() == null ? null : c.status().name(),
                        c.classId(), c.at(), c.by(), c.byName())).toList() : null);
    }
}
