package coop.plenum.governance.proposal.secret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.security.SecureRandom;

/**
 * Where secret votes keep their keys: in PostgreSQL next to the log, or in memory when the log itself is in memory
 * ({@code plenum.event-store=in-memory}, benchmarks only).
 */
@Configuration(proxyBeanMethods = false)
class SecretBallotKeysConfiguration {

    @Bean
    SecretBallotKeys secretBallotKeys(DataSource dataSource, @Value("${plenum.event-store:jdbc}") String eventStore) {
        return "in-memory".equals(eventStore) ? new InMemorySecretBallotKeys() : new JdbcSecretBallotKeys(dataSource, new SecureRandom());
    }

    /** Once the schema is there: no key of a closed vote survives a start, whatever restored it. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> closedVotesKeepNoKeys(SecretBallotKeys keys) {
        return ready -> {
            if (keys instanceof JdbcSecretBallotKeys jdbc) {
                int swept = jdbc.destroyKeysOfClosedVotes();
                if (swept > 0) {
                    org.slf4j.LoggerFactory.getLogger(SecretBallotKeysConfiguration.class)
                            .warn("Destroyed {} secret-ballot key(s) of votes already closed", swept);
                }
            }
        };
    }
}
