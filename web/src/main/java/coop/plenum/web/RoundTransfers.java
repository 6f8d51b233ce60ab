package coop.plenum.web;

import coop.plenum.api.proposal.ElectionTallyJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What moved in each round of a class's Meek count, for the rounds table beside the votes (issue 15, "the full
 * round-by-round count: quotas, keep values, transfers, exclusions"):
 * <ul>
 *   <li>{@code transferred}: per round, the votes that moved since the previous round, i.e. the sum of what candidates
 *   lost (an elected candidate's surplus as their keep value falls, an excluded candidate's whole votes) and, should
 *   it ever fall, what exhausted gave back; it went to other candidates or to exhausted. Null for round 1, which moves nothing (its votes are first preferences): the
 *   template words it. The sum is of the API's six-digit figures, so it is the total a reader gets by adding up the
 *   losses shown, exactly (BigDecimal), not a re-rounding of the engine's exact values.</li>
 *   <li>{@code keepRows}: per candidate, in the order they stood, their keep value in each round: 1 while hopeful,
 *   falling once elected, 0 once excluded.</li>
 * </ul>
 */
record RoundTransfers(List<String> transferred, List<KeepRow> keepRows) {

    /** One candidate's keep value in each round, as the API gives it (six digits). */
    record KeepRow(String name, List<String> keepValues) {
    }

    RoundTransfers {
        transferred = java.util.Collections.unmodifiableList(new ArrayList<>(transferred));
        keepRows = List.copyOf(keepRows);
    }

    static RoundTransfers of(ElectionTallyJson.ClassCountJson counted, Function<String, String> nameOf) {
        List<String> transferred = new ArrayList<>();
        for (ElectionTallyJson.RoundJson round : counted.rounds()) {
            if (round.number() == 1) {
                transferred.add(null);
                continue;
            }
            BigDecimal lost = BigDecimal.ZERO;
            List<String> changes = new ArrayList<>(round.transfers().values());
            // exhausted weight can come back when a keep value rises again (an elected candidate fell below the quota)
            changes.add(round.exhaustedTransfer());
            for (String change : changes) {
                BigDecimal c = new BigDecimal(change);
                if (c.signum() < 0) {
                    lost = lost.subtract(c);
                }
            }
            transferred.add(lost.setScale(6).toPlainString());
        }
        List<KeepRow> keepRows = new ArrayList<>();
        for (String id : counted.candidates()) {
            keepRows.add(new KeepRow(nameOf.apply(id),
                    counted.rounds().stream().map(r -> r.keepValues().getOrDefault(id, "")).toList()));
        }
        return new RoundTransfers(transferred, keepRows);
    }
}
