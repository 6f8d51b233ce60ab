package coop.plenum.governance.webhook.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Webhook settings; the outbox processor's token store and single segment are set with the other processors' (ProcessingConfiguration.OUTBOXES). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {
}
