package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.cooperative.Charter;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.membership.MemberStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

@Document("cooperatives")
record CooperativeDocument(@Id String id, String name, Charter charter, Instant foundedAt,
                           List<Seat> seats, List<RoleGrant> roles) {

    record Seat(String memberId, String accountId, String classId, MemberStatus status, Instant since) {
    }

    record RoleGrant(String accountId, List<Role> roles) {
    }
}
