package coop.plenum.governance.instance.query;

/** The instance's settings as they are now; the defaults until an operator changed one. */
public record InstanceSettingsView(boolean openSignUp) {

    public static final InstanceSettingsView DEFAULTS = new InstanceSettingsView(false);
}
