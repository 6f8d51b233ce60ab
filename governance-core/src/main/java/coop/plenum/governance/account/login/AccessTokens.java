package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenIssued;
import coop.plenum.governance.account.AccessTokenScope;
import coop.plenum.governance.account.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The command side's access-token table in PostgreSQL, kept in step with the log by {@link AccessTokenTableProjection}.
 * Bearer authentication reads one row by primary key (the secret's SHA-256): no bcrypt, no read model.
 * The owner's list is read here too, because the last-used time lives only in this table.
 */
@Component
public class AccessTokens {

    private final JdbcTemplate jdbc;
    private final AccessTokenUses uses;

    AccessTokens(JdbcTemplate jdbc, AccessTokenUses uses) {
        this.jdbc = jdbc;
        this.uses = uses;
    }

    /** The token with this hash if it is neither revoked nor expired at {@code now}. */
    public Optional<AccessTokenLogin> findLive(String tokenHash, Instant now) {
        return jdbc.query("""
                        select t.token_id, t.scope, t.last_used_at, l.account_id, l.username, l.display_name, l.operator
                        from plenum_access_token t join plenum_account_login l on l.account_id = t.account_id
                        where t.token_hash = ? and (t.expires_at is null or t.expires_at > ?)""",
                (rs, i) -> new AccessTokenLogin(new AccessTokenId(rs.getString(1)), AccessTokenScope.valueOf(rs.getString(2)),
                        instant(rs.getTimestamp(3)), new AccountId(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getBoolean(7)),
                tokenHash, Timestamp.from(now)).stream().findFirst();
    }

    /** Records a use, written within a second and not in the request ({@link AccessTokenUses}). */
    public void touch(AccessTokenLogin login, String tokenHash, Instant now) {
        uses.record(tokenHash, login.tokenId(), now);
    }

    /** The account's tokens not yet revoked (expired ones included, so the owner sees them lapse), newest first. */
    public List<AccessTokenListing> of(AccountId accountId) {
        return uses.overlay(jdbc.query("""
                        select token_id, name, scope, issued_at, expires_at, last_used_at from plenum_access_token
                        where account_id = ? order by issued_at desc, token_id""",
                (rs, i) -> new AccessTokenListing(new AccessTokenId(rs.getString(1)), rs.getString(2),
                        AccessTokenScope.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6))),
                accountId.value()));
    }

    void insert(AccessTokenIssued event) {
        jdbc.update("insert into plenum_access_token (token_hash, token_id, account_id, name, scope, issued_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)",
                event.tokenHash(), event.tokenId().value(), event.accountId().value(), event.name(), event.scope().name(),
                Timestamp.from(event.issuedAt()), event.expiresAt() == null ? null : Timestamp.from(event.expiresAt()));
    }

    void delete(AccountId accountId, AccessTokenId tokenId) {
        jdbc.update("delete from plenum_access_token where account_id = ? and token_id = ?", accountId.value(), tokenId.value());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
