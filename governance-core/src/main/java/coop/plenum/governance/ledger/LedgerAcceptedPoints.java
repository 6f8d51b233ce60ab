package coop.plenum.governance.ledger;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.LedgerFactsSource;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.ValueEquation;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Voting power's points come from the cooperative's ledger, read from its event-sourced state inside the command
 * that freezes an electorate, so the points are exactly those accepted as of the snapshot instant. A cooperative
 * whose ledger is not opened yet has no accepted contributions.
 */
@Component
class LedgerAcceptedPoints implements AcceptedPoints {

    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(ValueEquation.POINT_SCALE);

    private final LedgerFactsSource ledgers;

    LedgerAcceptedPoints(LedgerFactsSource ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public BigDecimal asOf(CooperativeId cooperativeId, MemberId memberId, Instant asOf, Integer windowDays) {
        return ledgers.facts(LedgerId.ofCooperative(cooperativeId.value()))
                .map(facts -> facts.acceptedPoints(new ContributorId(memberId.value()), asOf, windowDays))
                .orElse(NONE);
    }
}
