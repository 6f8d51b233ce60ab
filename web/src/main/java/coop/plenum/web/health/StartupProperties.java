package coop.plenum.web.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How requests are treated while the read models catch up after a start ({@code plenum.startup.*}): each waits
 * up to {@code requestWait} for them, then gets 503 with {@code Retry-After: retryAfter}. A processor of which this
 * node still holds no segment after {@code unclaimedGrace} is taken to be run by another node and not waited for
 * (well above the 10 s after which a killed node's claims expire).
 */
@ConfigurationProperties(prefix = "plenum.startup")
record StartupProperties(@DefaultValue("5s") Duration requestWait, @DefaultValue("5s") Duration retryAfter,
                         @DefaultValue("60s") Duration unclaimedGrace) {
}
