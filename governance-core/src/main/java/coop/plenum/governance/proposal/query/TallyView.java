package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.tally.Tally;

import java.time.Instant;

/**
 * A proposal's tally as of an instant: the state then, the outcome if it was decided by then, and the per-class
 * numbers: {@code tally} for a YES_NO vote, {@code optionTally} for an APPROVAL or SCORE vote,
 * {@code consentTally} for a CONSENT vote, {@code schulzeTally} for a RANKED vote, {@code budgetTally} for a BUDGET
 * vote (all null before voting opened).
 * {@code hidden} is AFTER_CLOSE while the proposal's results are hidden (its vote is open now, whatever the instant
 * asked about): whoever shows this view then shows participation per class only (the API's {@code TallyJson});
 * null otherwise.
 */
public record TallyView(ProposalId proposalId, CooperativeId cooperativeId, ProposalState state, Outcome outcome,
                        Instant asOf, Tally tally, OptionTally optionTally,
                        coop.plenum.governance.options.ConsentTally consentTally,
                        coop.plenum.governance.options.SchulzeTally schulzeTally,
                        coop.plenum.governance.proposal.Visibility hidden,
                        coop.plenum.governance.election.ElectionResult election,
                        coop.plenum.governance.budget.BudgetTally budgetTally) {

    /** A tally of any method but ELECTION and BUDGET. */
    public TallyView(ProposalId proposalId, CooperativeId cooperativeId, ProposalState state, Outcome outcome,
                     Instant asOf, Tally tally, OptionTally optionTally,
                     coop.plenum.governance.options.ConsentTally consentTally,
                     coop.plenum.governance.options.SchulzeTally schulzeTally,
                     coop.plenum.governance.proposal.Visibility hidden) {
        this(proposalId, cooperativeId, state, outcome, asOf, tally, optionTally, consentTally, schulzeTally, hidden, null, null);
    }

    /** The same view with a BUDGET vote's tally (null: none). */
    TallyView withBudgetTally(coop.plenum.governance.budget.BudgetTally budget) {
        return new TallyView(proposalId, cooperativeId, state, outcome, asOf, tally, optionTally, consentTally, schulzeTally,
                hidden, election, budget);
    }

    /** A tally whose results are visible. */
    public TallyView(ProposalId proposalId, CooperativeId cooperativeId, ProposalState state, Outcome outcome,
                     Instant asOf, Tally tally, OptionTally optionTally,
                     coop.plenum.governance.options.ConsentTally consentTally,
                     coop.plenum.governance.options.SchulzeTally schulzeTally) {
        this(proposalId, cooperativeId, state, outcome, asOf, tally, optionTally, consentTally, schulzeTally, null);
    }

    /** The same view with its results hidden or not, as the proposal's visibility and current state say. */
    TallyView hiddenIf(boolean hide) {
        return new TallyView(proposalId, cooperativeId, state, outcome, asOf, tally, optionTally, consentTally, schulzeTally,
                hide ? coop.plenum.governance.proposal.Visibility.AFTER_CLOSE : null, election, budgetTally);
    }

    /** A YES_NO tally. */
    public TallyView(ProposalId proposalId, CooperativeId cooperativeId, ProposalState state, Outcome outcome,
                     Instant asOf, Tally tally) {
        this(proposalId, cooperativeId, state, outcome, asOf, tally, null, null, null, null);
    }
}
