package coop.plenum.kernel;

/**
 * Every command carries the account that issued it in its metadata under this key (SPEC "Audit"); aggregates in
 * both bounded contexts decide who may act from it.
 */
public final class ActingAccount {

    public static final String METADATA_KEY = "actor";

    private ActingAccount() {
    }
}
