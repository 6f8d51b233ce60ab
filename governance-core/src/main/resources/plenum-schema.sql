-- Plenum's own PostgreSQL tables, next to Axon's event log. Every statement is idempotent.

-- Command-side login lookup: written in the transaction that appends AccountCreated (see AccountLoginProjection).
CREATE TABLE IF NOT EXISTS plenum_account_login (
    username      VARCHAR(32)  PRIMARY KEY,
    account_id    VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    operator      BOOLEAN      NOT NULL
);

-- db-scheduler: Axon's persistent deadline manager and event scheduler keep their schedules here.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Command-side lookup of personal access tokens by the SHA-256 of their secret: written in the transaction that
-- appends AccessTokenIssued / AccessTokenRevoked (see AccessTokenTableProjection), so a token works the moment it
-- is acknowledged and stops the moment its revocation is. last_used_at is bookkeeping, not an event.
CREATE TABLE IF NOT EXISTS plenum_access_token (
    token_hash   CHAR(64)                 PRIMARY KEY,
    token_id     VARCHAR(64)              NOT NULL,
    account_id   VARCHAR(64)              NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    scope        VARCHAR(16)              NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    UNIQUE (account_id, token_id)
);
