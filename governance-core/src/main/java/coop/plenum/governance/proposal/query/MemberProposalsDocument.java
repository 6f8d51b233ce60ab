package coop.plenum.governance.proposal.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * The proposals a member has cast a ballot on, in the order of their first ballot there: an {@code _id} lookup
 * that names the member's {@link MemberBallotsDocument}s (the MongoDB-wire server scans for anything but
 * {@code _id}). It changes once per proposal, not once per ballot.
 */
@Document("member_ballot_proposals")
record MemberProposalsDocument(@Id String memberId, List<String> proposals) {
}
