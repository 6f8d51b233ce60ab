package coop.plenum.api.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A sign-in refused without checking the password, because this account or client failed too often lately. */
public class LoginThrottled extends AuthenticationException {

    /** The exchange attribute under which the form login hands the wait (a {@link Duration}) to the login page. */
    public static final String RETRY_AFTER_ATTRIBUTE = LoginThrottled.class.getName() + ".retryAfter";

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("too many failed sign-ins; retry after " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds for {@code Retry-After}, rounded up so a client that waits that long is let through. */
    public static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
    }
}
