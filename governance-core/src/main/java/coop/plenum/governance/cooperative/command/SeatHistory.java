package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every member's seat (account, class, status) over time, in membership order, oldest change first: the last change
 * is the seat now, and "the electorate as of T" (SPEC "Electorate snapshot") is every member whose seat at T was
 * ACTIVE, with their class then.
 */
final class SeatHistory {

    /** A membership's account, class and status. */
    record Seat(AccountId accountId, String classId, MemberStatus status) {
        Seat withStatus(MemberStatus next) {
            return new Seat(accountId, classId, next);
        }
    }

    private record Since(Instant since, Seat seat) {
    }

    private final Map<MemberId, List<Since>> seats = new LinkedHashMap<>();

    /** Remembers a change of a member's seat with the instant it happened (a new member's first seat included). */
    void seat(MemberId memberId, Seat seat, Instant at) {
        seats.computeIfAbsent(memberId, id -> new ArrayList<>()).add(new Since(at, seat));
    }

    /** Changes a known member's seat from what it is now; an unknown member is left alone. */
    void reseat(MemberId memberId, Instant at, UnaryOperator<Seat> change) {
        Seat now = current(memberId);
        if (now != null) {
            seat(memberId, change.apply(now), at);
        }
    }

    boolean knows(MemberId memberId) {
        return seats.containsKey(memberId);
    }

    /** A member's seat now, or null for an unknown member. */
    Seat current(MemberId memberId) {
        List<Since> history = seats.get(memberId);
        return history == null ? null : history.get(history.size() - 1).seat();
    }

    /** Every member's seat now, in membership order. */
    Map<MemberId, Seat> currentSeats() {
        Map<MemberId, Seat> now = new LinkedHashMap<>();
        seats.keySet().forEach(id -> now.put(id, current(id)));
        return now;
    }

    Optional<MemberId> activeMembershipOf(AccountId accountId) {
        return currentSeats().entrySet().stream()
                .filter(e -> e.getValue().accountId().equals(accountId) && e.getValue().status() == MemberStatus.ACTIVE)
                .map(Map.Entry::getKey).findFirst();
    }

    /** Every member ACTIVE as of the instant, with their class then, in membership order. */
    List<Elector> electorateAsOf(Instant instant) {
        List<Elector> electorate = new ArrayList<>();
        seats.forEach((memberId, history) -> {
            Seat asOf = null;
            for (Since change : history) {
                if (!change.since().isAfter(instant)) {
                    asOf = change.seat();
                }
            }
            if (asOf != null && asOf.status() == MemberStatus.ACTIVE) {
                electorate.add(new Elector(memberId, asOf.accountId(), asOf.classId()));
            }
        });
        return List.copyOf(electorate);
    }
}
