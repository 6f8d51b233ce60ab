package coop.plenum.governance.instance;

import java.time.Instant;

/** A fact: from now on, anyone may (or may no longer) create an account from the sign-in page. */
public record InstanceSettingsChanged(String instance, boolean openSignUp, Instant changedAt) {
}
