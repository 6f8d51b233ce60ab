package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.cooperative.query.CooperativeView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who opens the auditor's workspace: the cooperative's auditors, and the platform operator (who may verify every
 * chain, as the API lets them). Anyone else is refused (403); an unknown cooperative is not found (404).
 */
@Component
class AuditorAccess {

    private final CooperativeAccess access;

    AuditorAccess(CooperativeAccess access) {
        this.access = access;
    }

    Mono<CooperativeView> require(String cooperativeId, PlenumUser user) {
        return user.operator() ? access.existing(cooperativeId)
                : access.requireAnyRole(cooperativeId, user, Role.AUDITOR).map(CooperativeAccess.Granted::cooperative);
    }
}
