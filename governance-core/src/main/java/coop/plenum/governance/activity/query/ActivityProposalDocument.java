package coop.plenum.governance.activity.query;

import coop.plenum.governance.proposal.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the timeline needs of a proposal whose later events do not say it: its cooperative, its title, and whether
 * its ballots are hidden while voting ({@code visibility}, set when voting opens).
 */
@Document("activity_proposals")
record ActivityProposalDocument(@Id String id, String cooperativeId, String authorMemberId, String title, Visibility visibility) {
}
