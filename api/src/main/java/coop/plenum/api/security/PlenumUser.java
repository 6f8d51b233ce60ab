package coop.plenum.api.security;

import coop.plenum.api.support.Caller;
import coop.plenum.governance.account.AccountId;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An authenticated account. Per-cooperative roles are not authorities: they are checked against the read model. */
public class PlenumUser extends User {

    private final AccountId accountId;
    private final String displayName;
    private final boolean operator;

    PlenumUser(AccountId accountId, String username, String displayName, String passwordHash, boolean operator) {
        super(username, passwordHash, authorities(operator));
        this.accountId = accountId;
        this.displayName = displayName;
        this.operator = operator;
    }

    private static List<SimpleGrantedAuthority> authorities(boolean operator) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_ACCOUNT"));
        if (operator) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        return authorities;
    }

    public AccountId accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean operator() {
        return operator;
    }

    /** The caller for one request: this account, with the client's correlation id or a fresh one. */
    public Caller caller(String correlationId) {
        return new Caller(accountId, correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
