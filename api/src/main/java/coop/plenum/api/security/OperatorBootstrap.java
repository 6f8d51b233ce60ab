package coop.plenum.api.security;

import coop.plenum.api.support.Commands;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.account.login.AccountLogins;
import coop.plenum.governance.storage.PlenumProperties;
import coop.plenum.kernel.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.List;

/**
 * SPEC "Accounts and roles": on first start with an empty store, create the operator {@code admin}. Its password
 * comes from {@code PLENUM_ADMIN_PASSWORD}; otherwise one is generated and printed once, in a box at the end of
 * start-up, never stored in clear. Once the operator exists the setting is ignored, and the log says so.
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
    private volatile String generatedPassword;

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
            if (!blank(properties.adminPassword())) {
                log.warn("PLENUM_ADMIN_PASSWORD is set but the operator account '{}' already exists: the setting was ignored"
                        + " (it only chooses the password on the very first start)", ADMIN);
            }
            return;
        }
        boolean generated = blank(properties.adminPassword());
        String password = generated ? randomPassword() : properties.adminPassword();
        try {
            commands.sendAsSystem(new CreateAccount(new AccountId(ids.newId()), ADMIN, "Platform operator",
                    encoder.encode(password), true));
        } catch (RuntimeException refused) {
            // nodes started together on fresh stores race here: the login table's key lets one win and rolls the
            // other's command back (a StateConflict or a duplicate key, depending on who reached the table first);
            // the loser carries on with the winner's operator, anything else still stops the start
            if (logins.isTaken(ADMIN)) {
                log.info("Another node created the operator account '{}' at the same moment: this node uses it", ADMIN);
                return;
            }
            throw refused;
        }
        if (generated) {
            generatedPassword = password;
        } else {
            log.info("Created the operator account 'admin' with the password from PLENUM_ADMIN_PASSWORD");
        }
    }

    /**
     * The generated password is shown last, after "Started" and everything the other runners log, so it is the
     * thing on screen when start-up ends rather than a line scrolled away among the log.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void showGeneratedPassword() {
        String password = generatedPassword;
        if (password == null) {
            return;
        }
        generatedPassword = null;
        System.out.println(box(List.of(
                "Plenum created the operator account 'admin' with the password: " + password + " ",
                "",
                "It is shown only this once: sign in as admin and keep it somewhere safe.",
                "To choose it yourself, set PLENUM_ADMIN_PASSWORD before the first start.")));
    }

    static String box(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "-".repeat(width + 4) + "+";
        StringBuilder out = new StringBuilder("\n").append(rule).append('\n');
        for (String line : lines) {
            out.append("|  ").append(line).append(" ".repeat(width - line.length())).append("  |\n");
        }
        return out.append(rule).append('\n').toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
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
