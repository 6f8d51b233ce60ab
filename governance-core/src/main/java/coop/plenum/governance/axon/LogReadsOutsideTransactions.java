package coop.plenum.governance.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.util.function.Supplier;

/**
 * The JDBC event engine's transaction manager: appends and snapshots run in a transaction as before (joining the
 * command's), but reads of the log do not open one of their own. Axon wraps every read in a transaction "for
 * databases that need one to read blobs"; the log's payloads are PostgreSQL {@code bytea}, which need none, and each
 * read is a single statement whose result is complete in itself. The shared reader of the log fetches after every
 * commit and again until it finds nothing, so on a busy vote these wrappers were about a third of PostgreSQL's
 * transactions: a BEGIN and a COMMIT round trip around each SELECT (issue 16, counted with pg_stat_statements). A read
 * made inside a transaction (loading an aggregate for a command, the snapshotter) still runs in it: the connection
 * is the one bound to that transaction.
 */
final class LogReadsOutsideTransactions implements TransactionManager {

    private final TransactionManager writes;

    LogReadsOutsideTransactions(TransactionManager writes) {
        this.writes = writes;
    }

    @Override
    public Transaction startTransaction() {
        return writes.startTransaction();
    }

    @Override
    public void executeInTransaction(Runnable task) {
        writes.executeInTransaction(task);
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> read) {
        return read.get();
    }
}
