package coop.plenum.api.support;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query asked after a step that finished on one of Reactor's non-blocking threads (a timer's, here) still reaches a
 * handler that waits for MongoDB: before, such a handler's {@code block()} threw there and the request answered 500
 * (a secretary's reminder, once in CI).
 */
class QueriesOnReactorsOwnThreadsTest {

    /** What a blocking query handler does: waits for a reactive lookup. */
    private static CompletableFuture<String> blockingHandler() {
        return CompletableFuture.completedFuture(Mono.just("answer").delayElement(Duration.ofMillis(1)).block());
    }

    @Test
    void aQueryAskedOnAReactorTimerThreadIsAnsweredNotRefusedForBlocking() {
        String answer = Mono.delay(Duration.ofMillis(1))   // continues on Reactor's parallel (non-blocking) scheduler
                .flatMap(tick -> Queries.ask(QueriesOnReactorsOwnThreadsTest::blockingHandler))
                .block(Duration.ofSeconds(10));
        assertThat(answer).isEqualTo("answer");
    }

    @Test
    void aQueryAskedOnAnOrdinaryThreadStaysOnIt() {
        Thread asking = Thread.currentThread();
        Thread[] answered = new Thread[1];
        Queries.ask(() -> {
            answered[0] = Thread.currentThread();
            return CompletableFuture.completedFuture("here");
        }).block(Duration.ofSeconds(10));
        assertThat(answered[0]).isSameAs(asking);
    }
}
