package coop.plenum.api.proposal;

import coop.plenum.governance.tally.Choice;

import java.util.List;
import java.util.Map;

/**
 * {@code PUT …/ballots/{m}}, the body of the proposal's method: {@code {choice: YES | NO | ABSTAIN}} for YES_NO,
 * {@code {approve: [optionId…]}} for APPROVAL, {@code {scores: {optionId: 0..5}}} for SCORE,
 * {@code {consent: CONSENT | STAND_ASIDE | OBJECT}} for CONSENT,
 * {@code {ranking: [[optionId…], …]}} (best first, ties in one group) for RANKED; any may add a {@code reason} (an objection must).
 * In a SECRET vote a client may bring its own {@code receiptSecret} (22 to 128 base64url characters); without one the
 * server makes one and answers it once in {@code secretReceipt}.
 */
public record BallotRequest(Choice choice, List<String> approve, Map<String, Integer> scores, String reason,
                            coop.plenum.governance.options.ConsentChoice consent, List<List<String>> ranking,
                            String receiptSecret) {
}
