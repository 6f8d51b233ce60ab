package coop.plenum.api.ledger;

import coop.plenum.ledger.Verdict;

/** {@code POST …/contributions/{c}/evaluations}: ACCEPT or REJECT, with an optional note. */
record EvaluationRequest(Verdict verdict, String note) {
}
