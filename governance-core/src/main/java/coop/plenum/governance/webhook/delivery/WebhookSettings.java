package coop.plenum.governance.webhook.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Webhook delivery ({@code plenum.webhooks.*}). Defaults: connect within 2 s, the whole exchange within 10 s, 8
 * attempts, the first retry after 1 minute and each later wait 3 times longer (±20 % jitter): the last attempt comes
 * some 18 hours after the first. Loopback targets are refused unless {@code allow-loopback} (tests, development).
 */
@ConfigurationProperties(prefix = "plenum.webhooks")
public record WebhookSettings(@DefaultValue("false") boolean allowLoopback,
                              @DefaultValue("2s") Duration connectTimeout,
                              @DefaultValue("10s") Duration totalTimeout,
                              @DefaultValue("8") int maxAttempts,
                              @DefaultValue("1m") Duration firstRetry,
                              @DefaultValue("3") int retryFactor,
                              @DefaultValue("32") int maxInFlight,
                              @DefaultValue("1s") Duration pollInterval,
                              @DefaultValue("4096") int maxResponseBytes,
                              @DefaultValue("") String key) {

    public WebhookSettings {
        if (maxAttempts < 1 || maxAttempts > 20 || retryFactor < 1 || maxInFlight < 1 || maxResponseBytes < 0) {
            throw new IllegalArgumentException("plenum.webhooks: 1 <= max-attempts <= 20, retry-factor >= 1, max-in-flight >= 1");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.compareTo(connectTimeout) < 0
                || firstRetry.isNegative() || firstRetry.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("plenum.webhooks: 0 < connect-timeout <= total-timeout; first-retry and poll-interval positive");
        }
    }
}
