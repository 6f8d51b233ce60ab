package coop.plenum.governance.account.command;

/** Set-based check that an aggregate cannot make alone: is this username already someone's login? */
public interface UsernameRegistry {
    boolean isTaken(String username);
}
