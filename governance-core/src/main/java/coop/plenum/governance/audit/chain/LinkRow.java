package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.StoredEvent;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One link of a cooperative's chain beside the event now stored at its position ({@code event} is null when none is).
 * Read by column index in the order of the verifier's query: a lookup by name per column cost ~15 % of the walk.
 */
record LinkRow(long position, long chainIndex, String linkedAggregate, long linkedSequence, byte[] storedHash,
               byte[] storedLink, StoredEvent event) {

    static LinkRow read(ResultSet rs) throws SQLException {
        long position = rs.getLong(1);
        long chainIndex = rs.getLong(2);
        String linkedAggregate = rs.getString(3);
        long linkedSequence = rs.getLong(4);
        byte[] storedHash = rs.getBytes(5);
        byte[] storedLink = rs.getBytes(6);
        long globalIndex = rs.getLong(7);
        StoredEvent event = rs.wasNull() ? null : new StoredEvent(globalIndex, rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getBytes(15),
                rs.getBytes(16));
        return new LinkRow(position, chainIndex, linkedAggregate, linkedSequence, storedHash, storedLink, event);
    }
}
