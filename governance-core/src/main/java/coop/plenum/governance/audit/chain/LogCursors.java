package coop.plenum.governance.audit.chain;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Settings for the statements that stream a whole history out of the log. */
final class LogCursors {

    private LogCursors() {
    }

    /**
     * Asks PostgreSQL's driver for binary results: a statement run once is otherwise answered in text, and every
     * payload's bytes cross the wire as hex, twice their size, to be decoded again (a million events in one read).
     */
    static void binaryTransfer(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            // a negative threshold is the driver's way of saying "binary transfer from the first execution"
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
