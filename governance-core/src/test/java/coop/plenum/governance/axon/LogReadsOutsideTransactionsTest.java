package coop.plenum.governance.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogReadsOutsideTransactionsTest {

    /** Records what the engine asks of the real transaction manager. */
    static final class Recording implements TransactionManager {
        final List<String> calls = new ArrayList<>();

        @Override
        public Transaction startTransaction() {
            calls.add("begin");
            return new Transaction() {
                @Override
                public void commit() {
                    calls.add("commit");
                }

                @Override
                public void rollback() {
                    calls.add("rollback");
                }
            };
        }
    }

    @Test
    void aReadOfTheLogOpensNoTransactionOfItsOwn() {
        Recording writes = new Recording();
        LogReadsOutsideTransactions engineTransactions = new LogReadsOutsideTransactions(writes);

        String read = engineTransactions.fetchInTransaction(() -> "events");

        assertThat(read).isEqualTo("events");
        assertThat(writes.calls).isEmpty();
    }

    @Test
    void anAppendStillRunsInATransactionAndAFailedOneRollsBack() {
        Recording writes = new Recording();
        LogReadsOutsideTransactions engineTransactions = new LogReadsOutsideTransactions(writes);

        engineTransactions.executeInTransaction(() -> writes.calls.add("insert"));
        assertThatThrownBy(() -> engineTransactions.executeInTransaction(() -> {
            throw new IllegalStateException("duplicate key");
        })).hasMessage("duplicate key");

        assertThat(writes.calls).containsExactly("begin", "insert", "commit", "begin", "rollback");
    }

    @Test
    void aFailedReadIsReportedAsItIs() {
        LogReadsOutsideTransactions engineTransactions = new LogReadsOutsideTransactions(new Recording());

        assertThatThrownBy(() -> engineTransactions.fetchInTransaction(() -> {
            throw new IllegalStateException("connection refused");
        })).hasMessage("connection refused");
    }
}
