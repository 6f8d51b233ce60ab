package coop.plenum.governance.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 6962 tree head of a growing list of leaves in O(log n) memory and time per leaf: the roots of the perfect
 * subtrees the leaves so far decompose into (largest first), as Certificate Transparency logs keep a "compact
 * range". Lets a checkpoint sign the Merkle root of a million events without re-reading them.
 */
public final class MerkleFrontier {

    private final List<byte[]> roots = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        byte[] node = leafHash;
        long nodeSize = 1;
        while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == nodeSize) {
            node = MerkleTree.nodeHash(roots.remove(roots.size() - 1), node);
            sizes.remove(sizes.size() - 1);
            nodeSize *= 2;
        }
        roots.add(node);
        sizes.add(nodeSize);
        size++;
    }

    public long size() {
        return size;
    }

    /** The Merkle Tree Hash of every leaf appended so far, equal to {@link MerkleTree#root}. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return MerkleTree.sha256().digest();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(roots.get(i), root);
        }
        return root;
    }
}
