package coop.plenum.governance.webhook.delivery;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    /**
     * One segment: the outbox folds a webhook's registration and a proposal's title into what later events of other
     * aggregates queue, so it must see the log in its order.
     */
    @Autowired
    void oneSegment(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration(WebhookOutbox.GROUP,
                (c, builder) -> builder.initialSegmentCount(1));
    }
}
