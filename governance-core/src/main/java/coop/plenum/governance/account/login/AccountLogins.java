package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.KnownAccounts;
import coop.plenum.governance.account.command.UsernameRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's login table in PostgreSQL. It is written by {@link AccountLoginProjection} in the very
 * transaction that appends {@code AccountCreated}, so a login exists exactly when its event does: a created
 * account can sign in at once, and usernames stay unique under concurrency (primary key).
 */
@Component
public class AccountLogins implements UsernameRegistry, KnownAccounts {

    private final JdbcTemplate jdbc;

    AccountLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * No registered username is longer than 32 characters or holds a control character, so such a name is simply
     * unknown; it must not reach PostgreSQL, which refuses to compare text containing NUL (a 500 for a sign-in).
     */
    static final int LONGEST_LOOKUP = 64;

    public Optional<AccountLogin> findByUsername(String username) {
        if (username == null || username.length() > LONGEST_LOOKUP || username.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return jdbc.query("select account_id, username, display_name, password_hash, operator from plenum_account_login where username = ?",
                (rs, i) -> new AccountLogin(new AccountId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)), username).stream().findFirst();
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from plenum_account_login", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public boolean isTaken(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from plenum_account_login where username = ?)", Boolean.class, username));
    }

    @Override
    public boolean exists(AccountId accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from plenum_account_login where account_id = ?)", Boolean.class, accountId.value()));
    }

    /** The accounts whose reset address is this one (lowercased); at most a few, as addresses are rarely shared. */
    public java.util.List<AccountLogin> findByEmail(String email) {
        if (email == null || email.length() > 254 || email.chars().anyMatch(Character::isISOControl)) {
            return java.util.List.of();
        }
        return jdbc.query("select account_id, username, display_name, password_hash, operator from plenum_account_login where email = ? limit 5",
                (rs, i) -> new AccountLogin(new AccountId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)), email);
    }

    public Optional<String> emailOf(AccountId accountId) {
        return jdbc.query("select email from plenum_account_login where account_id = ?", (rs, i) -> rs.getString(1),
                accountId.value()).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The current bcrypt hash of this account's password (empty for an unknown account). */
    public Optional<String> passwordHashOf(String username) {
        return findByUsername(username).map(AccountLogin::passwordHash);
    }

    void changePassword(AccountId accountId, String passwordHash) {
        jdbc.update("update plenum_account_login set password_hash = ? where account_id = ?", passwordHash, accountId.value());
    }

    void changeDisplayName(AccountId accountId, String displayName) {
        jdbc.update("update plenum_account_login set display_name = ? where account_id = ?", displayName, accountId.value());
    }

    void changeEmail(AccountId accountId, String email) {
        jdbc.update("update plenum_account_login set email = ? where account_id = ?", email, accountId.value());
    }

    void insert(AccountLogin login) {
        jdbc.update("insert into plenum_account_login (account_id, username, display_name, password_hash, operator) values (?, ?, ?, ?, ?)",
                login.accountId().value(), login.username(), login.displayName(), login.passwordHash(), login.operator());
    }
}
