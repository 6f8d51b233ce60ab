package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.account.KnownAccounts;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.kernel.IdGenerator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** Founds cooperatives: checks the charter and that every named account exists, then records the founding. */
@Component
class FoundCooperativeHandler {

    private final Repository<Cooperative> cooperatives;
    private final KnownAccounts accounts;
    private final IdGenerator ids;
    private final Clock clock;

    FoundCooperativeHandler(@Qualifier("cooperativeRepository") Repository<Cooperative> cooperatives,
                            KnownAccounts accounts, IdGenerator ids, Clock clock) {
        this.cooperatives = cooperatives;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    @CommandHandler
    CooperativeId handle(FoundCooperative command) throws Exception {
        Charter charter = CharterRules.complete(command.charter());
        FoundingRules.assertValid(command, accounts);
        List<FoundingMember> founders = command.founders().stream()
                .map(seat -> new FoundingMember(new MemberId(ids.newId()), seat.accountId(), seat.classId()))
                .toList();
        cooperatives.newInstance(() -> new Cooperative(command.cooperativeId(), command.name().strip(), charter,
                founders, command.secretaryAccountId(), clock.instant()));
        return command.cooperativeId();
    }
}
