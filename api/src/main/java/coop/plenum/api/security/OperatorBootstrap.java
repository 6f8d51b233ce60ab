package coop.plenum.api.security;

import coop.plenum.api.support.Commands;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.account.login.AccountLogins;
import coop.plenum.governance.storage.PlenumProperties;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * SPEC "Accounts and roles": on first start with an empty store, create the operator {@code admin}. Its password
 * comes from {@code PLENUM_ADMIN_PASSWORD}; otherwise one is generated and printed once, never stored in clear.
 */
@Component
@Order(0)
class OperatorBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountLogins logins;
    private final Commands commands;
    private final PasswordEncoder encoder;
    private final IdGenerator ids;
    private final PlenumProperties properties;

    OperatorBootstrap(AccountLogins logins, Commands commands, PasswordEncoder encoder, IdGenerator ids,
                      PlenumProperties properties) {
        this.logins = logins;
        this.commands = commands;
        this.encoder = encoder;
        this.ids = ids;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (logins.count() > 0) {
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? randomPassword() : properties.adminPassword();
        try {
            commands.sendAsSystem(new CreateAccount(new AccountId(ids.newId()), ADMIN, "Platform operator",
                    encoder.encode(password), true));
        } catch (StateConflict anotherNodeWasFaster) {
            return;
        }
        if (generated) {
            String banner = "\n\n    Plenum created the operator account 'admin' with the password: " + password
                    + "\n    It is shown only this once. Set PLENUM_ADMIN_PASSWORD to choose it yourself.\n";
            System.out.println(banner);
        } else {
            log.info("Created the operator account 'admin' with the password from PLENUM_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
