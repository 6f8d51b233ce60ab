package coop.plenum.kernel;

import coop.plenum.ledger.ContributionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIdsTest {

    @Test
    void anIdThatCouldNeverExistIsABadRequestNamingItsField() {
        for (String bad : new String[]{null, "", "   ", "a\u0000b", "\u001b[31m", "x".repeat(TypedIds.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> new ContributionId(bad))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("contributionId"));
        }
    }

    @Test
    void generatedAndHumanIdsAreAccepted() {
        assertThat(new ContributionId("3f1c2a9e-0d4b-4c55-9a51-0b7f6f1e2d3c").value()).hasSize(36);
        assertThat(TypedIds.check("x".repeat(TypedIds.MAX_LENGTH), "id", "an id")).hasSize(TypedIds.MAX_LENGTH);
        assertThat(TypedIds.check("caf\u00e9-\uD83D\uDE00", "id", "an id")).isEqualTo("caf\u00e9-\uD83D\uDE00");
    }
}
