package coop.plenum.kernel;

import java.util.List;

/**
 * A command that can tell, without any state, whether its input lies within the documented bounds (text, numbers,
 * instants, identifiers). The API asks before a command goes onto the bus, so bad input is refused before any
 * lookup; the handler asks again, so no other sender (web forms, sagas, seeding) can store what could not be read back.
 */
public interface CheckedCommand {

    List<Violation> inputViolations();

    default void assertInputValid() {
        List<Violation> violations = inputViolations();
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
