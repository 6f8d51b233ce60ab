package coop.plenum.api.security;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed in with a personal access token: the owner's account, limited to the token's scope. */
class AccessTokenAuthentication extends AbstractAuthenticationToken {

    private final PlenumUser user;
    private final AccessTokenId tokenId;
    private final AccessTokenScope scope;

    AccessTokenAuthentication(PlenumUser user, AccessTokenId tokenId, AccessTokenScope scope) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.scope = scope;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public PlenumUser getPrincipal() {
        return user;
    }

    AccessTokenId tokenId() {
        return tokenId;
    }

    AccessTokenScope scope() {
        return scope;
    }
}
