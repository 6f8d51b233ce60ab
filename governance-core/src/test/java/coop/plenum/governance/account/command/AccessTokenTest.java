package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenIssued;
import coop.plenum.governance.account.AccessTokenRevoked;
import coop.plenum.governance.account.AccessTokenScope;
import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.IssueAccessToken;
import coop.plenum.governance.account.RevokeAccessToken;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.account.command.AccountTest.field;

class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final AccessTokenId CI = new AccessTokenId("tok-ci");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private TestExecutor<Account> givenAlice(Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(new AccountCreated(ALICE, "alice", "Alice", "$2a$10$x", false, NOW.minusSeconds(60)));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static AccessTokenIssued ciIssued() {
        return new AccessTokenIssued(ALICE, CI, "CI", HASH, AccessTokenScope.READ, IN_A_MONTH, NOW);
    }

    @Test
    void theOwnerIssuesATokenAndTheEventCarriesOnlyTheHash() {
        givenAlice().when(new IssueAccessToken(ALICE, CI, " CI ", HASH, AccessTokenScope.READ, IN_A_MONTH), by(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ciIssued());
    }

    @Test
    void aTokenWithoutExpiryWorksUntilRevoked() {
        givenAlice().when(new IssueAccessToken(ALICE, CI, "CI", HASH, AccessTokenScope.READ_WRITE, null), by(ALICE))
                .expectEvents(new AccessTokenIssued(ALICE, CI, "CI", HASH, AccessTokenScope.READ_WRITE, null, NOW));
    }

    @Test
    void onlyTheOwnerIssuesTokensForAnAccount() {
        givenAlice().when(new IssueAccessToken(ALICE, CI, "CI", HASH, AccessTokenScope.READ, null), by(BOB))
                .expectException(NotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotRevokeMyToken() {
        givenAlice(ciIssued()).when(new RevokeAccessToken(ALICE, CI), by(BOB))
                .expectException(NotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerRevokesAToken() {
        givenAlice(ciIssued()).when(new RevokeAccessToken(ALICE, CI), by(ALICE))
                .expectEvents(new AccessTokenRevoked(ALICE, CI, NOW));
    }

    @Test
    void aRevokedOrUnknownTokenCannotBeRevokedAgain() {
        givenAlice(ciIssued(), new AccessTokenRevoked(ALICE, CI, NOW)).when(new RevokeAccessToken(ALICE, CI), by(ALICE))
                .expectException(NotFound.class)
                .expectNoEvents();
        givenAlice().when(new RevokeAccessToken(ALICE, new AccessTokenId("tok-unknown")), by(ALICE))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void anExpiryIsInTheFutureAndAtMostAYearAway() {
        for (Instant bad : new Instant[]{NOW, NOW.minusSeconds(1), NOW.plus(Duration.ofDays(365)).plusSeconds(1)}) {
            givenAlice().when(new IssueAccessToken(ALICE, CI, "CI", HASH, AccessTokenScope.READ, bad), by(ALICE))
                    .expectException(field("expiresAt"))
                    .expectNoEvents();
        }
        givenAlice().when(new IssueAccessToken(ALICE, CI, "CI", HASH, AccessTokenScope.READ, NOW.plus(Duration.ofDays(365))), by(ALICE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyTheSecretsSha256IsStored() {
        for (String bad : new String[]{"plnm_the-secret-itself", HASH.toUpperCase(), HASH.substring(1), null}) {
            givenAlice().when(new IssueAccessToken(ALICE, CI, "CI", bad, AccessTokenScope.READ, null), by(ALICE))
                    .expectException(field("tokenHash"))
                    .expectNoEvents();
        }
    }

    @Test
    void aTokenHasANameAndAScope() {
        for (String bad : new String[]{"", "  ", "x".repeat(101), "new\nline", null}) {
            givenAlice().when(new IssueAccessToken(ALICE, CI, bad, HASH, AccessTokenScope.READ, null), by(ALICE))
                    .expectException(field("name"))
                    .expectNoEvents();
        }
        givenAlice().when(new IssueAccessToken(ALICE, CI, "CI", HASH, null, null), by(ALICE))
                .expectException(field("scope"))
                .expectNoEvents();
    }

    @Test
    void aTokenIdIsUsedOnce() {
        givenAlice(ciIssued()).when(new IssueAccessToken(ALICE, CI, "CI again", HASH, AccessTokenScope.READ, null), by(ALICE))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void anAccountHasAtMostAHundredLiveTokensButExpiredOnesDoNotCount() {
        List<Object> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(new AccessTokenIssued(ALICE, new AccessTokenId("tok-" + i), "t", HASH, AccessTokenScope.READ, null, NOW));
        }
        givenAlice(hundred.toArray()).when(new IssueAccessToken(ALICE, CI, "CI", HASH, AccessTokenScope.READ, null), by(ALICE))
                .expectException(StateConflict.class)
                .expectNoEvents();

        List<Object> lapsed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lapsed.add(new AccessTokenIssued(ALICE, new AccessTokenId("tok-" + i), "t", HASH, AccessTokenScope.READ,
                    NOW.minusSeconds(1), NOW.minus(Duration.ofDays(2))));
        }
        givenAlice(lapsed.toArray()).when(new IssueAccessToken(ALICE, CI, "CI", HASH, AccessTokenScope.READ, null), by(ALICE))
                .expectSuccessfulHandlerExecution();
    }
}
