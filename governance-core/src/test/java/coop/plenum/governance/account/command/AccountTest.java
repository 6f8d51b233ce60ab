package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.StateConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccountId ALICE = new AccountId("acc-alice");
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuv0123456789012345678901234567890";

    private final Set<String> takenUsernames = new HashSet<>();
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerAnnotatedCommandHandler(new CreateAccountHandler(fixture.getRepository(), takenUsernames::contains,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void anOperatorCreatesAnAccountWithAHashedPassword() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ALICE, "alice", "  Alice Ng ", HASH, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountCreated(ALICE, "alice", "Alice Ng", HASH, false, NOW));
    }

    @Test
    void usernamesAreUniqueAcrossThePlatform() {
        takenUsernames.add("alice");
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ALICE, "alice", "Another Alice", HASH, false))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void usernamesAreLowercaseSlugsOfThreeToThirtyTwoCharacters() {
        for (String bad : new String[]{"al", "Alice", "alice smith", "-alice", "a".repeat(33), ""}) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(ALICE, bad, "Alice", HASH, false))
                    .expectException(field("username"))
                    .expectNoEvents();
        }
    }

    @Test
    void aDisplayNameIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ALICE, "alice", "  ", HASH, false))
                .expectException(field("displayName"))
                .expectNoEvents();
    }

    @Test
    void onlyABcryptHashEverReachesTheLog() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ALICE, "alice", "Alice", "plaintext-password", false))
                .expectException(field("password"))
                .expectNoEvents();
    }

    static org.hamcrest.Matcher<?> field(String name) {
        return allOf(instanceOf(InvalidInput.class), hasProperty("message"), new org.hamcrest.TypeSafeMatcher<Object>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput invalid && invalid.field().equals(name);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("InvalidInput naming field " + name);
            }
        });
    }

}
