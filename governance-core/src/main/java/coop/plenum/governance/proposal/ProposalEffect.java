package coop.plenum.governance.proposal;

import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.MemberId;

/** What an accepted proposal changes: the new charter (CHARTER_AMENDMENT) or the member (ADMISSION, EXPULSION). */
public record ProposalEffect(Charter charter, MemberId memberId) {
}
