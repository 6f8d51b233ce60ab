package coop.plenum.api.proposal;

import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.tally.ClassTally;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * SPEC's tally shape: powers are exact decimal strings with six digits, ratios decimal strings rounded to six digits
 * for display (decisions use the exact values); outcome and approval are null while undecided.
 */
public record TallyJson(String proposalId, String state, String outcome, Instant asOf, String approval, List<ClassJson> classes) {

    public record ClassJson(String classId, int weight, int quorum, String electoratePower, String yes, String no,
                            String abstain, String participation, String approval, boolean quorumMet) {
    }

    public static TallyJson of(TallyView view) {
        boolean decided = view.outcome() != null;
        List<ClassJson> classes = view.tally() == null ? List.of() : view.tally().classes().stream().map(TallyJson::of).toList();
        String approval = decided && view.tally().approval() != null ? ratio(view.tally().approval()) : null;
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), approval, classes);
    }

    static ClassJson of(ClassTally c) {
        return new ClassJson(c.classId(), c.weight(), c.quorum(), power(c.electoratePower()), power(c.yes()), power(c.no()),
                power(c.abstain()), ratio(c.participation()), ratio(c.approval()), c.quorumMet());
    }

    private static String power(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String ratio(Ratio value) {
        return value == null ? null : value.toDecimalString(Ratio.DISPLAY_SCALE);
    }
}
