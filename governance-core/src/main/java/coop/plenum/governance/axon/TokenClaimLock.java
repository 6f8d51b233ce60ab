package coop.plenum.governance.axon;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * Takes the read models' token claims one at a time across all nodes. Axon claims a MongoDB token with one
 * {@code findOneAndUpdate} ("owner is me, nobody, or expired"), atomic on a real MongoDB; the MongoDB-wire server
 * Plenum embeds evaluates the filter and applies the update as two steps, so two nodes claiming a free segment at the
 * same moment could both get it. Claims, segment creation, splits, merges and releases therefore run under a
 * PostgreSQL advisory lock per processor (the nodes share that database anyway). Storing a token and extending a
 * claim, which only the owner does, stay as they are.
 */
final class TokenClaimLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    TokenClaimLock(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    <T> T locked(String processorName, Supplier<T> claim) {
        return transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "plenum-token-claims:" + processorName);
            return claim.get();
        });
    }
}
