package coop.plenum.governance.instance.query;

/** Query: the instance's settings (the defaults when none was ever changed). */
public record FindInstanceSettings() {
}
