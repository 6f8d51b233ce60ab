package coop.plenum.kernel;

import coop.plenum.ledger.ContributionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIdsTest {

    @Test
    void anIdThatCouldNeverExistIsABadRequestNamingItsField() {
        for (String bad : new String[]{null, "", "   ", "a\u0000b", "\u001b[31m", "x".repeat(Ids.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> new ContributionId(bad))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("contributionId"));
        }
    }

    @Test
    void generatedAndHumanIdsAreAccepted() {
        assertThat(new ContributionId("3f1c2a9e-0d4b-4c55-9a51-0b7f6f1e2d3c").value()).hasSize(36);
        assertThat(Ids.require("x".repeat(Ids.MAX_LENGTH), "id", "an id")).hasSize(Ids.MAX_LENGTH);
        assertThat(Ids.require("caf\u00e9-\uD83D\uDE00", "id", "an id")).isEqualTo("caf\u00e9-\uD83D\uDE00");
    }
}
