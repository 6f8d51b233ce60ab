package coop.plenum.governance.axon;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;

/**
 * Creates the PostgreSQL tables on first start (every statement is {@code IF NOT EXISTS}, so later starts are
 * no-ops): Axon's event, snapshot, token and saga tables through Axon's own PostgreSQL factories, and Plenum's
 * own tables (login lookup, db-scheduler's deadlines) from {@code plenum-schema.sql}. Runs after every bean
 * exists and before any processor starts.
 * <p>
 * {@code IF NOT EXISTS} is not safe against itself: two nodes deployed together on a fresh database both find a table
 * missing and the second create fails on PostgreSQL's catalog key ({@code pg_type_typname_nsp_index}), stopping that
 * node. So the whole schema step runs under a session-level advisory lock; the second node waits, then finds
 * everything in place.
 */
class EventLogSchema implements SmartInitializingSingleton {

    private final DataSource dataSource;
    private final EventStorageEngine engine;
    private final TokenStore tokenStore;
    private final SagaStore<?> sagaStore;

    EventLogSchema(DataSource dataSource, EventStorageEngine engine, TokenStore tokenStore, SagaStore<?> sagaStore) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.tokenStore = tokenStore;
        this.sagaStore = sagaStore;
    }

    /** "plenum-schema" in ASCII; distinct from the audit chainer's lock. */
    static final long SCHEMA_LOCK = 0x706c2d736368656dL;

    @Override
    public void afterSingletonsInstantiated() {
        try (java.sql.Connection lockHolder = dataSource.getConnection()) {
            try (java.sql.Statement lock = lockHolder.createStatement()) {
                lock.execute("select pg_advisory_lock(" + SCHEMA_LOCK + ")");
            }
            try {
                createTables();
            } finally {
                try (java.sql.Statement unlock = lockHolder.createStatement()) {
                    unlock.execute("select pg_advisory_unlock(" + SCHEMA_LOCK + ")");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not take the schema lock on PostgreSQL", e);
        }
    }

    private void createTables() {
        if (engine instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(PostgresEventTableFactory.INSTANCE);
            // Axon's factory creates the primary key on the global index; this keeps per-aggregate loads fast as the log grows
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("CREATE INDEX IF NOT EXISTS domainevententry_aggregate_idx "
                    + "ON domainevententry (aggregateidentifier, sequencenumber)");
        }
        if (tokenStore instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(PostgresTokenTableFactory.INSTANCE);
        }
        if (sagaStore instanceof JdbcSagaStore jdbc) {
            try {
                jdbc.createSchema();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not create the saga tables", e);
            }
        }
        new ResourceDatabasePopulator(new ClassPathResource("plenum-schema.sql")).execute(dataSource);
    }
}
