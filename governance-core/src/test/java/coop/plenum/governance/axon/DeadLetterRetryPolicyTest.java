package coop.plenum.governance.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterRetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final DeadLetterRetryPolicy policy = new DeadLetterRetryPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aParkedSequenceIsRetriedAfterFiveSecondsThenTwiceAsLongAfterEachFailureAtMostEveryQuarterHour() {
        assertThat(DeadLetterRetryPolicy.waitAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DeadLetterRetryPolicy.waitAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DeadLetterRetryPolicy.waitAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DeadLetterRetryPolicy.waitAfter(8)).isEqualTo(Duration.ofSeconds(640));
        assertThat(DeadLetterRetryPolicy.waitAfter(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(DeadLetterRetryPolicy.waitAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLetterIsDueOnlyOnceItsWaitHasPassedSinceItWasLastTried() {
        assertThat(policy.isDue(letter(1, NOW.minusSeconds(4)))).isFalse();
        assertThat(policy.isDue(letter(1, NOW.minusSeconds(5)))).isTrue();
        assertThat(policy.isDue(letter(3, NOW.minusSeconds(19)))).isFalse();
        assertThat(policy.isDue(letter(3, NOW.minusSeconds(20)))).isTrue();
    }

    @Test
    void everyFailureParksTheEventAndCountsTheAttempt() {
        DeadLetter<EventMessage<?>> fresh = new GenericDeadLetter<>("agg-1", event(), null, NOW, NOW, MetaData.emptyInstance());
        EnqueueDecision<EventMessage<?>> first = policy.decide(fresh, new IllegalStateException("unreadable"));
        assertThat(first.shouldEnqueue()).isTrue();
        DeadLetter<? extends EventMessage<?>> parked = first.withDiagnostics(fresh);
        assertThat(DeadLetterRetryPolicy.attempts(parked)).isEqualTo(1);
        DeadLetter<? extends EventMessage<?>> again = policy.decide(parked, new IllegalStateException("still")).withDiagnostics(parked);
        assertThat(DeadLetterRetryPolicy.attempts(again)).isEqualTo(2);
    }

    @Test
    void theLogReaderReadsBackNumbersLongerThanJacksonsDefaultLimitSoOldEventsStayReadable() throws Exception {
        ObjectMapper reader = SerializationConfiguration.eventObjectMapper();
        String digits = "1" + "0".repeat(10_000);
        Holder read = reader.readValue("{\"rate\":" + digits + "}", Holder.class);
        assertThat(read.rate()).isEqualTo(new BigDecimal(digits));
    }

    record Holder(BigDecimal rate) {
    }

    private static DeadLetter<EventMessage<?>> letter(long attempts, Instant lastTouched) {
        return new GenericDeadLetter<>("agg-1", event(), null, lastTouched.minusSeconds(60), lastTouched,
                MetaData.with(DeadLetterRetryPolicy.ATTEMPTS, attempts));
    }

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage("payload");
    }
}
