package coop.plenum.governance.notification.delivery;

import coop.plenum.governance.audit.chain.AuditKey;
import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.mail.PublicUrl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationMailProperties.class)
class NotificationDeliveryConfiguration {

    @Bean
    NotificationOutbox notificationOutbox(DataSource dataSource, Clock clock) {
        return new NotificationOutbox(dataSource, clock);
    }

    @Bean
    OutboxSender outboxSender(NotificationOutbox outbox, OutgoingMail mail, PublicUrl publicUrl,
                              NotificationMailProperties properties, DataSource dataSource) {
        return new OutboxSender(outbox, mail, publicUrl, properties, dataSource);
    }

    @Bean
    UnsubscribeLinks unsubscribeLinks(NotificationMailProperties properties, AuditKey auditKey) {
        return UnsubscribeLinks.of(properties, auditKey);
    }
}
