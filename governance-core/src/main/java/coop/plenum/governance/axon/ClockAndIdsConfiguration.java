package coop.plenum.governance.axon;

import coop.plenum.kernel.IdGenerator;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** One clock and one id source for the whole node, injected everywhere so tests and replays are deterministic. */
@Configuration(proxyBeanMethods = false)
class ClockAndIdsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // millisecond ticks: read models store instants at that precision, so a replay shows identical values
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return IdGenerator.random();
    }

    @Bean
    EventClockBinding eventClockBinding(Clock clock) {
        // Axon stamps event messages from a static clock; point it at ours
        GenericEventMessage.clock = clock;
        return new EventClockBinding(clock);
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    record EventClockBinding(Clock clock) {
    }
}
