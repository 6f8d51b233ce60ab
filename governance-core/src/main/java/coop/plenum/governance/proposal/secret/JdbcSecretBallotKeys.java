package coop.plenum.governance.proposal.secret;

import coop.plenum.governance.ids.ProposalId;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Keys in PostgreSQL, in {@code plenum_secret_ballot_key} next to the event log. {@link JdbcTemplate} takes its
 * connection through Spring's DataSourceUtils, so inside a command (Axon's unit of work runs in a Spring transaction
 * on the same DataSource) the key is written, and deleted, in the same transaction as the events: the opening that
 * is acknowledged has its key, and the close that is acknowledged has destroyed it. A row deleted from PostgreSQL
 * may still sit in WAL segments and backups taken while the vote was open: docs/secret-ballots.md says so.
 */
public final class JdbcSecretBallotKeys implements SecretBallotKeys {

    private final JdbcTemplate jdbc;
    private final SecureRandom random;

    public JdbcSecretBallotKeys(DataSource dataSource, SecureRandom random) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.random = random;
    }

    @Override
    public byte[] create(ProposalId proposalId) {
        jdbc.update("INSERT INTO plenum_secret_ballot_key (proposal_id, vote_key) VALUES (?, ?) ON CONFLICT (proposal_id) DO NOTHING",
                proposalId.value(), SealedBallots.newKey(random));
        return key(proposalId).orElseThrow();
    }

    @Override
    public Optional<byte[]> key(ProposalId proposalId) {
        List<byte[]> keys = jdbc.query("SELECT vote_key FROM plenum_secret_ballot_key WHERE proposal_id = ?",
                (rs, i) -> rs.getBytes(1), proposalId.value());
        return keys.stream().findFirst();
    }

    @Override
    public void destroy(ProposalId proposalId) {
        jdbc.update("DELETE FROM plenum_secret_ballot_key WHERE proposal_id = ?", proposalId.value());
    }

    /**
     * The start-up sweep: deletes the key of every vote whose VotingClosed is in the log. Closing destroys the key
     * in its own transaction, so this finds nothing unless a key was restored from elsewhere (a backup); returns
     * how many it deleted.
     */
    public int destroyKeysOfClosedVotes() {
        return jdbc.update("""
                DELETE FROM plenum_secret_ballot_key k WHERE EXISTS (SELECT 1 FROM domainevententry e
                    WHERE e.aggregateidentifier = k.proposal_id
                      AND e.payloadtype = 'coop.plenum.governance.proposal.VotingClosed')""");
    }
}
