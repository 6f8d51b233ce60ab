package coop.plenum.web.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How requests are treated while the read models catch up after a start ({@code plenum.startup.*}): each waits
 * up to {@code requestWait} for them, then gets 503 with {@code Retry-After: retryAfter}.
 */
@ConfigurationProperties(prefix = "plenum.startup")
record StartupProperties(@DefaultValue("5s") Duration requestWait, @DefaultValue("5s") Duration retryAfter) {
}
