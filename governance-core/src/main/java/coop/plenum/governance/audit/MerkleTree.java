package coop.plenum.governance.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of Certificate Transparency (RFC 6962 §2.1, RFC 9162 §2.1) over a cooperative's event hashes:
 * the tree head a checkpoint signs, an inclusion proof that one event (a ballot's receipt) is in it, and a
 * consistency proof that a later head extends an earlier one without removing or rewriting anything. Pure and
 * deterministic, so the offline verifier and anyone else who implements RFC 6962 get the same hashes.
 * <p>
 * Leaves are given as their leaf hashes ({@link #leafHash}); trees are the first {@code size} of them.
 */
public final class MerkleTree {

    public static final int HASH_LENGTH = 32;
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    /** {@code SHA-256(0x00 || data)}: the hash of one leaf, kept apart from interior nodes by its prefix. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF);
        sha.update(data);
        return sha.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The Merkle Tree Hash of the first {@code size} leaves (of the empty tree: SHA-256 of nothing). */
    public static byte[] root(List<byte[]> leaves, int size) {
        checkRange(0, size, leaves.size());
        if (size == 0) {
            return sha256().digest();
        }
        // bottom-up, carrying odd nodes upward unchanged: the same tree as RFC 6962's split at the largest power of 2
        byte[][] level = leaves.subList(0, size).toArray(new byte[0][]);
        int n = size;
        while (n > 1) {
            int half = 0;
            for (int i = 0; i + 1 < n; i += 2) {
                level[half++] = nodeHash(level[i], level[i + 1]);
            }
            if ((n & 1) == 1) {
                level[half++] = level[n - 1];
            }
            n = half;
        }
        return level[0];
    }

    public static byte[] root(List<byte[]> leaves) {
        return root(leaves, leaves.size());
    }

    /** RFC 6962 PATH(m, D[n]): the sibling hashes from leaf {@code index} up to the root of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
        checkRange(1, size, leaves.size());
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, size, path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves.subList(from + k, to)));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves.subList(from, from + k)));
        }
    }

    /** RFC 6962 PROOF(m, D[n]): shows the tree of {@code second} leaves extends the tree of {@code first}. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int first, int second) {
        checkRange(0, second, leaves.size());
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("a tree of " + first + " cannot precede one of " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first == 0 || first == second) {
            return proof;
        }
        subproof(leaves, first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(leaves.subList(from, to)));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, out);
            out.add(root(leaves.subList(from + k, to)));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(root(leaves.subList(from, from + k)));
        }
    }

    /** RFC 9162 §2.1.3.2: does {@code proof} lead from the leaf at {@code index} to {@code root} of a tree of {@code size}? */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || proof == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: does {@code proof} show that the tree of {@code second} leaves extends that of {@code first}? */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second || !isHash(firstRoot) || !isHash(secondRoot) || proof == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && Arrays.equals(firstRoot, sha256().digest());
        }
        if (proof.isEmpty() || proof.stream().anyMatch(p -> !isHash(p))) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_LENGTH;
    }

    private static void checkRange(int min, int size, int available) {
        if (size < min || size > available) {
            throw new IllegalArgumentException("a tree of " + size + " leaves from " + available + " known");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
