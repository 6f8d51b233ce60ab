package coop.plenum.api.account;

/** {@code POST /api/v1/accounts}: a new person's login. The password is hashed here and never stored in clear. */
public record CreateAccountRequest(String username, String password, String displayName) {
}
