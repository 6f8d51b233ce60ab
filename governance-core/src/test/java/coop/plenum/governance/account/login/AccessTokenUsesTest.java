package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's token list shows uses not yet written behind the requests, and never an older time than stored. */
class AccessTokenUsesTest {

    private static final Instant ISSUED = Instant.parse("2026-11-01T09:00:00Z");
    private static final AccessTokenId CRON = new AccessTokenId("tok-cron");
    private static final AccessTokenId EXPORT = new AccessTokenId("tok-export");

    private final AccessTokenUses uses = new AccessTokenUses(null);

    private static AccessTokenListing listed(AccessTokenId id, Instant lastUsed) {
        return new AccessTokenListing(id, id.value(), AccessTokenScope.READ, ISSUED, null, lastUsed);
    }

    @Test
    void aUseNotYetWrittenIsShownInTheOwnersList() {
        Instant used = Instant.parse("2026-12-05T10:00:00Z");
        uses.record("hash-cron", CRON, used);

        List<AccessTokenListing> shown = uses.overlay(List.of(listed(CRON, null), listed(EXPORT, null)));

        assertThat(shown.get(0).lastUsedAt()).isEqualTo(used);
        assertThat(shown.get(1).lastUsedAt()).as("a token not used keeps what the table says").isNull();
    }

    @Test
    void theLatestOfTheStoredAndTheUnwrittenUseIsShown() {
        Instant stored = Instant.parse("2026-12-05T10:00:00Z");
        uses.record("hash-cron", CRON, stored.minusSeconds(30));
        uses.record("hash-export", EXPORT, stored.plusSeconds(30));

        List<AccessTokenListing> shown = uses.overlay(List.of(listed(CRON, stored), listed(EXPORT, stored)));

        assertThat(shown.get(0).lastUsedAt()).isEqualTo(stored);
        assertThat(shown.get(1).lastUsedAt()).isEqualTo(stored.plusSeconds(30));
    }

    @Test
    void anEarlierUseRecordedLaterDoesNotReplaceALaterOneWaitingToBeWritten() {
        Instant later = Instant.parse("2026-12-05T10:00:00Z");
        uses.record("hash-cron", CRON, later);
        uses.record("hash-cron", CRON, later.minusSeconds(5));

        assertThat(uses.overlay(List.of(listed(CRON, null))).get(0).lastUsedAt()).isEqualTo(later);
    }
}
