package coop.plenum.governance.account;

/** What a personal access token may do: {@code READ} only reads (GET, HEAD); {@code READ_WRITE} does what its owner may. */
public enum AccessTokenScope {
    READ,
    READ_WRITE
}
