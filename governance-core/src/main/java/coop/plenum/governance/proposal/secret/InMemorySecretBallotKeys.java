package coop.plenum.governance.proposal.secret;

import coop.plenum.governance.ids.ProposalId;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys in memory: for {@code plenum.event-store=in-memory} (benchmarks), whose log vanishes at exit anyway, and for
 * aggregate fixture tests. Not durable.
 */
public final class InMemorySecretBallotKeys implements SecretBallotKeys {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random;

    public InMemorySecretBallotKeys(SecureRandom random) {
        this.random = random;
    }

    public InMemorySecretBallotKeys() {
        this(new SecureRandom());
    }

    @Override
    public byte[] create(ProposalId proposalId) {
        return keys.computeIfAbsent(proposalId.value(), id -> SealedBallots.newKey(random)).clone();
    }

    @Override
    public Optional<byte[]> key(ProposalId proposalId) {
        byte[] key = keys.get(proposalId.value());
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    @Override
    public void destroy(ProposalId proposalId) {
        byte[] key = keys.remove(proposalId.value());
        if (key != null) {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /** How many keys are held (tests: a closed vote leaves none). */
    public int size() {
        return keys.size();
    }
}
