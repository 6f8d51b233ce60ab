package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberClassChanged;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipApplied;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Electorate snapshot" and "Time, and as of": the electorate as of T counts every event at or before T, and only those. */
class CooperativeFactsTest {

    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final AccountId CARA = new AccountId("acc-cara");
    private static final MemberId ALICE_M = new MemberId("m-alice");
    private static final MemberId BOB_M = new MemberId("m-bob");
    private static final MemberId CARA_M = new MemberId("m-cara");

    private Cooperative cooperative;

    @BeforeEach
    void foundedAtT0() {
        Charter charter = CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 60, 50),
                new StakeholderClass("users", "Users", 40, 20)), null, null, null, null, null, null));
        cooperative = new Cooperative();
        cooperative.on(new CooperativeFounded(COOP, "Riverside", charter,
                List.of(new FoundingMember(ALICE_M, ALICE, "workers"), new FoundingMember(BOB_M, BOB, "users")), ALICE, T0));
        cooperative.on(new MembershipApplied(COOP, CARA_M, CARA, "users", T0));
    }

    private List<Elector> electorateAsOfT() {
        CooperativeFacts facts = cooperative.facts();
        return facts.electorateAsOf(T);
    }

    @Test
    void membersAdmittedAfterTheInstantAreNotInTheElectorate() {
        cooperative.on(new MemberAdmitted(COOP, CARA_M, CARA, "users", T.plusMillis(1)));
        assertThat(electorateAsOfT()).extracting(Elector::memberId).containsExactly(ALICE_M, BOB_M);
    }

    @Test
    void anEventAtExactlyTheInstantCounts() {
        cooperative.on(new MemberAdmitted(COOP, CARA_M, CARA, "users", T));
        assertThat(electorateAsOfT()).extracting(Elector::memberId).containsExactly(ALICE_M, BOB_M, CARA_M);
    }

    @Test
    void aMemberSuspendedAfterTheInstantIsStillInTheElectorateAsOfIt() {
        cooperative.on(new MemberSuspended(COOP, BOB_M, BOB, T.plusSeconds(60)));
        assertThat(electorateAsOfT()).extracting(Elector::memberId).containsExactly(ALICE_M, BOB_M);
        assertThat(cooperative.facts().activeMembershipOf(BOB)).isEmpty();
    }

    @Test
    void aMemberSuspendedBeforeTheInstantIsNotInTheElectorate() {
        cooperative.on(new MemberSuspended(COOP, BOB_M, BOB, T.minusSeconds(60)));
        assertThat(electorateAsOfT()).extracting(Elector::memberId).containsExactly(ALICE_M);
    }

    @Test
    void anAmendedCharterIsInForceFromItsInstantAndOlderInstantsKeepTheOldOne() {
        Charter original = cooperative.facts().charterAsOf(T0);
        Charter amended = CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 50, 50),
                new StakeholderClass("users", "Users", 50, 30)), null, null, null, null, null, null));
        cooperative.on(new coop.plenum.governance.cooperative.CharterAmended(COOP, new coop.plenum.governance.ids.ProposalId("p-1"),
                amended, T));
        assertThat(cooperative.facts().charterAsOf(T.minusMillis(1))).isEqualTo(original);
        assertThat(cooperative.facts().charterAsOf(T)).isEqualTo(amended);
        assertThat(cooperative.facts().charterAsOf(T.plusSeconds(3600))).isEqualTo(amended);
    }

    @Test
    void theClassCountedIsTheClassAsOfTheInstant() {
        cooperative.on(new MemberClassChanged(COOP, BOB_M, BOB, "users", "workers", T.plusSeconds(1)));
        assertThat(electorateAsOfT()).contains(new Elector(BOB_M, BOB, "users"));
        cooperative.on(new MemberClassChanged(COOP, ALICE_M, ALICE, "workers", "users", T.minusSeconds(1)));
        assertThat(electorateAsOfT()).contains(new Elector(ALICE_M, ALICE, "users"));
    }
}
