package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Electorate snapshot": members ACTIVE as of the instant, with their class then, in membership order. */
class SeatHistoryTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private static final MemberId ADA = new MemberId("ada");
    private static final MemberId BEN = new MemberId("ben");

    @Test
    void theElectorateAsOfAnInstantHasTheMembersActiveThenWithTheirClassThen() {
        SeatHistory seats = new SeatHistory();
        seats.seat(ADA, new SeatHistory.Seat(new AccountId("a-ada"), "workers", MemberStatus.ACTIVE), T);
        seats.seat(BEN, new SeatHistory.Seat(new AccountId("a-ben"), "users", MemberStatus.APPLIED), T);
        seats.reseat(BEN, T.plusSeconds(60), seat -> seat.withStatus(MemberStatus.ACTIVE));
        seats.reseat(ADA, T.plusSeconds(120), seat -> new SeatHistory.Seat(seat.accountId(), "users", seat.status()));
        seats.reseat(ADA, T.plusSeconds(180), seat -> seat.withStatus(MemberStatus.SUSPENDED));

        assertThat(seats.electorateAsOf(T)).containsExactly(new Elector(ADA, new AccountId("a-ada"), "workers"));
        assertThat(seats.electorateAsOf(T.plusSeconds(120))).containsExactly(
                new Elector(ADA, new AccountId("a-ada"), "users"), new Elector(BEN, new AccountId("a-ben"), "users"));
        assertThat(seats.electorateAsOf(T.plusSeconds(180))).containsExactly(new Elector(BEN, new AccountId("a-ben"), "users"));
        assertThat(seats.current(ADA).status()).isEqualTo(MemberStatus.SUSPENDED);
    }

    @Test
    void anUnknownMemberIsNeitherSeatedNorReseated() {
        SeatHistory seats = new SeatHistory();
        seats.reseat(ADA, T, seat -> seat.withStatus(MemberStatus.ACTIVE));

        assertThat(seats.knows(ADA)).isFalse();
        assertThat(seats.current(ADA)).isNull();
        assertThat(seats.activeMembershipOf(new AccountId("a-ada"))).isEmpty();
    }
}
