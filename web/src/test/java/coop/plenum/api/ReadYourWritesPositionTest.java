package coop.plenum.api;

import coop.plenum.governance.axon.ReadModelCatchUp;
import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the answer to a command carries {@code X-Plenum-Position}, the log position of the last event it
 * appended; a later request sending it back is answered only once every read model has reached it.
 */
class ReadYourWritesPositionTest extends BootedPlenum {

    private static final String HEADER = "X-Plenum-Position";

    @Autowired
    ReadModelCatchUp catchUp;

    private String createAccount(String username) {
        return asOperator(http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"long-enough-password\",\"displayName\":\"P\"}".formatted(username)))
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getFirst(HEADER);
    }

    @Test
    void aCommandsAnswerNamesThePositionOfTheLastEventItAppended() {
        String username = unique("pos");
        String position = createAccount(username);
        Long last = jdbc.queryForObject("select max(e.globalindex) from domainevententry e join plenum_account_login l "
                + "on l.account_id = e.aggregateidentifier where l.username = ?", Long.class, username);
        assertThat(position).isEqualTo(Long.toString(last));
    }

    @Test
    void aReadSendingThePositionBackIsAnsweredOnceEveryReadModelHasReachedIt() {
        String position = createAccount(unique("pos"));
        asOperator(http.get().uri("/api/v1/accounts/me").header(HEADER, position)).exchange().expectStatus().isOk()
                .expectHeader().doesNotExist(HEADER);
        assertThat(catchUp.hasReached(Long.parseLong(position))).isTrue();
    }

    @Test
    void aPositionTheLogHasNotReachedOrThatIsNoNumberIsA400NamingTheHeader() {
        long head = catchUp.logHead().orElse(0);
        for (String bad : new String[]{Long.toString(head + 1_000_000), "-1", "12a", "9".repeat(19), " "}) {
            asOperator(http.get().uri("/api/v1/accounts/me").header(HEADER, bad)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("request.position-invalid")
                    .jsonPath("$.field").isEqualTo(HEADER);
        }
        asOperator(http.get().uri("/api/v1/accounts/me").header(HEADER, "1", "2")).exchange().expectStatus().isBadRequest();
    }
}
