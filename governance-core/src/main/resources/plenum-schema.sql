-- Plenum's own PostgreSQL tables, next to Axon's event log. Every statement is idempotent.

-- Command-side login lookup: written in the transaction that appends AccountCreated (see AccountLoginProjection).
CREATE TABLE IF NOT EXISTS plenum_account_login (
    username      VARCHAR(32)  PRIMARY KEY,
    account_id    VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    operator      BOOLEAN      NOT NULL
);
-- Where password resets are mailed (AccountEmailChanged), lowercased; optional, and not unique (a household may share one).
ALTER TABLE plenum_account_login ADD COLUMN IF NOT EXISTS email VARCHAR(254);
CREATE INDEX IF NOT EXISTS plenum_account_login_email ON plenum_account_login (email);

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

-- Axon's sequenced dead-letter queue (see DeadLetterConfiguration): events a read-model or policy processor could
-- not handle, parked per aggregate so only that aggregate's later events wait. Columns as Axon's DeadLetterSchema
-- names them; unquoted, so PostgreSQL folds them to lower case on both sides.
CREATE TABLE IF NOT EXISTS dead_letter_entry (
    deadLetterIdentifier VARCHAR(255) NOT NULL PRIMARY KEY,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         TEXT,
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX IF NOT EXISTS dead_letter_entry_group_idx ON dead_letter_entry (processingGroup);

-- The audit chain (see docs/audit.md): per cooperative, every event of the log in the order it was chained, each
-- link SHA-256(previous link || event hash). Written by AuditChainer; checked against the log by AuditVerifier.
CREATE TABLE IF NOT EXISTS audit_chain_link (
    position             BIGINT       PRIMARY KEY,
    cooperative_id       VARCHAR(200) NOT NULL,
    chain_index          BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_hash           BYTEA        NOT NULL,
    link                 BYTEA        NOT NULL,
    CONSTRAINT audit_chain_link_index UNIQUE (cooperative_id, chain_index)
);
CREATE TABLE IF NOT EXISTS audit_chain_head (
    cooperative_id VARCHAR(200) PRIMARY KEY,
    length         BIGINT       NOT NULL,
    head           BYTEA        NOT NULL,
    last_position  BIGINT       NOT NULL
);
-- which cooperative a proposal belongs to (its events do not all say)
CREATE TABLE IF NOT EXISTS audit_aggregate (
    aggregate_identifier VARCHAR(255) PRIMARY KEY,
    cooperative_id       VARCHAR(200) NOT NULL
);
-- every position up to this one has been chained or was never used
CREATE TABLE IF NOT EXISTS audit_chain_cursor (
    id       SMALLINT PRIMARY KEY,
    position BIGINT   NOT NULL
);
-- signed checkpoints of each cooperative's chain (see Checkpoint): what a rewrite that recomputes the chain cannot forge
CREATE TABLE IF NOT EXISTS audit_checkpoint (
    cooperative_id VARCHAR(200) NOT NULL,
    length         BIGINT       NOT NULL,
    position       BIGINT       NOT NULL,
    chain_head     BYTEA        NOT NULL,
    merkle_root    BYTEA        NOT NULL,
    created_at     VARCHAR(40)  NOT NULL,
    key_id         VARCHAR(64)  NOT NULL,
    signature      BYTEA        NOT NULL,
    PRIMARY KEY (cooperative_id, length)
);

-- Command-side lookup of personal access tokens by the SHA-256 of their secret: written in the transaction that
-- appends AccessTokenIssued / AccessTokenRevoked (see AccessTokenTableProjection), so a token works the moment it
-- is acknowledged and stops the moment its revocation is. last_used_at is bookkeeping, not an event.
CREATE TABLE IF NOT EXISTS plenum_access_token (
    token_hash   CHAR(64)                 PRIMARY KEY,
    token_id     VARCHAR(100)             NOT NULL,
    account_id   VARCHAR(64)              NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    scope        VARCHAR(16)              NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    UNIQUE (account_id, token_id)
);

-- Sign-in throttling shared by every node (api LoginThrottle): recent failures per account and per client, and the
-- clients trusted with an account after a success. Keys are SHA-256 hashes: no username or address is kept in clear.
CREATE TABLE IF NOT EXISTS plenum_login_failures (
    key_hash      CHAR(64)    PRIMARY KEY,
    failures      INTEGER     NOT NULL,
    last_failure  TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS plenum_login_trusted (
    pair_hash     CHAR(64)    PRIMARY KEY,
    trusted_at    TIMESTAMPTZ NOT NULL
);

-- Secret ballots (docs/secret-ballots.md): one AES-256 key per open secret vote, outside the event log; the close
-- that reveals the ballots deletes it in the same transaction, after which no stored byte opens a sealed ballot.
CREATE TABLE IF NOT EXISTS plenum_secret_ballot_key (
    proposal_id VARCHAR(100) PRIMARY KEY,
    vote_key    BYTEA        NOT NULL
);

-- Notification emails waiting to go out, and what became of them (NotificationOutbox, OutboxSender). Keyed by the
-- notification's idempotency key (event id, recipient, kind) or a digest's (account, day): a redelivered or replayed
-- event inserts nothing new, so nothing is mailed twice from here. Kept next to the log, not in MongoDB, so that a
-- lost or rebuilt read-model store cannot forget what was already sent.
CREATE TABLE IF NOT EXISTS plenum_notification_mail (
    mail_key        VARCHAR(600)             PRIMARY KEY,
    account_id      VARCHAR(100)             NOT NULL,
    kind            VARCHAR(32)              NOT NULL,
    to_address      VARCHAR(254)             NOT NULL,
    subject         VARCHAR(200)             NOT NULL,
    text_body       TEXT                     NOT NULL,
    html_body       TEXT                     NOT NULL,
    unsubscribe_url VARCHAR(1000),
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);
CREATE INDEX IF NOT EXISTS plenum_notification_mail_due ON plenum_notification_mail (status, next_attempt_at);
