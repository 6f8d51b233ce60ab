package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountEmailChanged;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.ChangeAccountEmail;
import coop.plenum.governance.account.ChangePassword;
import coop.plenum.governance.account.PasswordChanged;
import coop.plenum.governance.account.PasswordResetRequested;
import coop.plenum.governance.account.RequestPasswordReset;
import coop.plenum.governance.account.ResetPassword;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
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

/** Password resets by a mailed single-use link, password changes by the owner, and the reset address. */
class PasswordResetTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final AccountId BOB = new AccountId("acc-bob");
    private static final String TOKEN = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);
    private static final String NEW_HASH = "$2a$10$new";

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TestExecutor<Account> givenAlice(Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(new AccountCreated(ALICE, "alice", "Alice", "$2a$10$x", false, NOW.minusSeconds(7200)));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static Map<String, ?> by(AccountId actor) {
        return Map.of("actor", actor.value());
    }

    private static PasswordResetRequested requested(Instant at) {
        return new PasswordResetRequested(ALICE, TOKEN, at.plus(Duration.ofHours(1)), at);
    }

    @Test
    void aResetRequestRecordsOnlyTheTokenHashAndAnExpiry() {
        givenAlice().when(new RequestPasswordReset(ALICE, TOKEN, Duration.ofHours(1)), Map.of("actor", "system"))
                .expectEvents(requested(NOW));
    }

    @Test
    void theMailedTokenSetsANewPasswordOnce() {
        givenAlice(requested(NOW.minusSeconds(60)))
                .when(new ResetPassword(ALICE, TOKEN, NEW_HASH))
                .expectEvents(new PasswordChanged(ALICE, NEW_HASH, PasswordChanged.How.RESET, NOW));
        givenAlice(requested(NOW.minusSeconds(60)), new PasswordChanged(ALICE, NEW_HASH, PasswordChanged.How.RESET, NOW))
                .when(new ResetPassword(ALICE, TOKEN, "$2a$10$again"))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        givenAlice(requested(NOW.minus(Duration.ofHours(1))))
                .when(new ResetPassword(ALICE, TOKEN, NEW_HASH))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlyTheLatestResetLinkWorks() {
        givenAlice(requested(NOW.minusSeconds(120)), new PasswordResetRequested(ALICE, OTHER, NOW.plusSeconds(3600), NOW.minusSeconds(60)))
                .when(new ResetPassword(ALICE, TOKEN, NEW_HASH))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void aPasswordChangedByTheOwnerEndsEarlierResetLinks() {
        givenAlice(requested(NOW.minusSeconds(60)), new PasswordChanged(ALICE, "$2a$10$mine", PasswordChanged.How.CHANGED, NOW))
                .when(new ResetPassword(ALICE, TOKEN, NEW_HASH))
                .expectException(StateConflict.class).expectNoEvents();
    }

    @Test
    void onlyTheOwnerChangesThePasswordOrTheResetAddress() {
        givenAlice().when(new ChangePassword(ALICE, NEW_HASH), by(BOB)).expectException(NotAllowed.class).expectNoEvents();
        givenAlice().when(new ChangeAccountEmail(ALICE, "eve@example.coop"), by(BOB)).expectException(NotAllowed.class).expectNoEvents();
        givenAlice().when(new ChangePassword(ALICE, NEW_HASH), by(ALICE))
                .expectEvents(new PasswordChanged(ALICE, NEW_HASH, PasswordChanged.How.CHANGED, NOW));
    }

    @Test
    void theResetAddressIsStoredLowercasedAndMustBeAnAddress() {
        givenAlice().when(new ChangeAccountEmail(ALICE, " Alice@Example.COOP "), by(ALICE))
                .expectEvents(new AccountEmailChanged(ALICE, "alice@example.coop", NOW));
        givenAlice().when(new ChangeAccountEmail(ALICE, "alice at example"), by(ALICE))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void aPasswordIsOnlyEverStoredAsABcryptHash() {
        givenAlice().when(new ChangePassword(ALICE, "plain-text-password"), by(ALICE))
                .expectException(InvalidInput.class).expectNoEvents();
    }
}
