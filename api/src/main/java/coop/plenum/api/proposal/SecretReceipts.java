package coop.plenum.api.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.kernel.InvalidInput;

import java.security.SecureRandom;

/** The edge of a secret ballot's receipt: the voter's secret (theirs or a fresh one) and the tag the ballot seals. */
final class SecretReceipts {

    private static final SecureRandom RANDOM = new SecureRandom();

    record Issued(String secret, String tag) {
    }

    private SecretReceipts() {
    }

    static Issued issue(ProposalId proposalId, String clientSecret) {
        if (clientSecret != null && !ReceiptTags.isWellFormedSecret(clientSecret)) {
            throw new InvalidInput("receiptSecret", "ballot.receipt-secret-invalid",
                    "receiptSecret is 22 to 128 characters of A-Z, a-z, 0-9, '-' and '_'");
        }
        String secret = clientSecret == null ? ReceiptTags.newSecret(RANDOM) : clientSecret;
        return new Issued(secret, ReceiptTags.tag(proposalId, secret));
    }
}
