package coop.plenum.web;

import coop.plenum.governance.audit.chain.AuditHistory;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The history's filters and paging as typed in the query string, kept as typed so a refused form shows them again;
 * {@link #filter} checks them against the cooperative (its members and proposals) and names every field that is wrong.
 */
record HistoryFilters(String kind, String member, String proposal, String from, String before, String afterIndex,
                      String beforeIndex, String size) {

    static final int DEFAULT_PAGE_SIZE = 50;

    static HistoryFilters of(MultiValueMap<String, String> params) {
        return new HistoryFilters(typed(params, "kind"), typed(params, "member"), typed(params, "proposal"), typed(params, "from"),
                typed(params, "before"), typed(params, "afterIndex"), typed(params, "beforeIndex"), typed(params, "size"));
    }

    /** A text parameter as typed, bounded (a filter value is short; a page never echoes a megabyte back). */
    private static String typed(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return "";
        }
        String shown = FormText.shown(value).strip();
        return shown.length() > 200 ? shown.substring(0, 200) : shown;
    }

    // public for the template
    public boolean any() {
        return !kind.isEmpty() || !member.isEmpty() || !proposal.isEmpty() || !from.isEmpty() || !before.isEmpty();
    }

    /** What the checked filters and paging ask for. */
    record Checked(AuditHistory.Filter filter, Long afterIndex, Long beforeIndex, int size) {
    }

    Checked check(List<MemberView> members, List<ProposalSummary> proposals, MultiValueMap<String, String> raw) {
        List<Violation> violations = new ArrayList<>();
        raw.forEach((field, values) -> {
            if (values.stream().anyMatch(v -> FormText.hasControlCharacter(v) || v.length() > 200)) {
                violations.add(new Violation(field, "request.control-character",
                        field + " may not contain control characters and is at most 200 characters"));
            }
        });
        String kindName = kind.isEmpty() ? null : kind;
        if (kindName != null && !AuditHistory.KIND.matcher(kindName).matches()) {
            violations.add(new Violation("kind", "audit.kind-invalid", "kind is an event type such as BallotCast"));
            kindName = null;
        }
        Set<String> mentions = Set.of();
        if (!member.isEmpty()) {
            Optional<MemberView> found = members.stream().filter(m -> m.memberId().value().equals(member)).findFirst();
            if (found.isEmpty()) {
                violations.add(new Violation("member", "audit.member-unknown", "member is none of this cooperative's members"));
            } else {
                // what they did (their account is the actor) and what was done about them (their member id)
                mentions = Set.of(found.get().memberId().value(), found.get().accountId().value());
            }
        }
        if (!proposal.isEmpty() && proposals.stream().noneMatch(p -> p.proposalId().value().equals(proposal))) {
            violations.add(new Violation("proposal", "audit.proposal-unknown", "proposal is none of this cooperative's proposals"));
        }
        Instant fromInstant = AuditTime.parse("from", from, violations);
        Instant beforeInstant = AuditTime.parse("before", before, violations);
        if (fromInstant != null && beforeInstant != null && !beforeInstant.isAfter(fromInstant)) {
            violations.add(new Violation("before", "audit.time-range-empty", "before must be later than from"));
        }
        Long after = index("afterIndex", afterIndex, violations);
        Long upTo = index("beforeIndex", beforeIndex, violations);
        int pageSize = DEFAULT_PAGE_SIZE;
        if (!size.isEmpty()) {
            try {
                pageSize = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > AuditHistory.MAX_PAGE_SIZE) {
                violations.add(new Violation("size", "audit.page-size-invalid",
                        "size is a number of entries from 1 to " + AuditHistory.MAX_PAGE_SIZE));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new Checked(new AuditHistory.Filter(kindName, mentions, proposal.isEmpty() ? null : proposal, fromInstant, beforeInstant),
                after, upTo, pageSize);
    }

    private static Long index(String field, String text, List<Violation> violations) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        violations.add(new Violation(field, "audit.index-invalid", field + " is an entry number, 0 or more"));
        return null;
    }
}
