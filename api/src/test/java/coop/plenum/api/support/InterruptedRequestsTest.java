package coop.plenum.api.support;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptedRequestsTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aRequestInterruptedWhileTheNodeStopsIsTold503AndToRetryNotA500() {
        // as Hikari reports a connection wait cut short by the stop
        Exception failure = new IllegalStateException("Failed to obtain JDBC Connection",
                new SQLException("plenum-event-log - Interrupted during connection acquisition", new InterruptedException()));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(failure);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "service.stopping");
    }

    @Test
    void anyOtherUnexpectedFailureIsStillA500() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("boom", new SQLException("disk full")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
