package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** A ledger's contributors, their logins and standing, to tell them about contributions and revenue. */
@Document("notification_contributors")
record ContributorsDocument(@Id String ledgerId, List<Seat> contributors) {

    record Seat(String contributorId, String accountId, boolean active) {
    }

    String accountOf(String contributorId) {
        return contributors.stream().filter(s -> s.contributorId().equals(contributorId)).map(Seat::accountId)
                .findFirst().orElse(null);
    }
}
