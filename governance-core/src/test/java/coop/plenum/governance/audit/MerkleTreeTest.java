package coop.plenum.governance.audit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificate Transparency's published test data (RFC 6962 reference leaves, tree heads and proofs), so Plenum's
 * checkpoints agree with every other RFC 6962 implementation; then properties over every tree shape up to 70.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList();
    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void treeHeadsEqualCertificateTransparencysForEverySizeFromZeroToEight() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(CT_LEAVES, size))).as("size %d", size).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsEqualCertificateTransparencys() {
        assertThat(hex(MerkleTree.inclusionProof(CT_LEAVES, 0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(CT_LEAVES, 5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void consistencyProofsEqualCertificateTransparencys() {
        assertThat(hex(MerkleTree.consistencyProof(CT_LEAVES, 2, 8))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(CT_LEAVES, 6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Property(tries = 70)
    void everyLeafsInclusionProofVerifiesAndAChangedProofOrLeafDoesNot(@ForAll @IntRange(min = 1, max = 70) int size) {
        List<byte[]> leaves = leaves(size);
        byte[] root = MerkleTree.root(leaves);
        assertThat(root).isEqualTo(recursiveRoot(leaves));
        for (int i = 0; i < size; i++) {
            List<byte[]> proof = MerkleTree.inclusionProof(leaves, i, size);
            assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, proof, root)).as("leaf %d of %d", i, size).isTrue();
            if (size > 1) {
                assertThat(MerkleTree.verifyInclusion(leaves.get((i + 1) % size), i, size, proof, root)).isFalse();
            }
            if (!proof.isEmpty()) {
                List<byte[]> flipped = new ArrayList<>(proof);
                byte[] last = flipped.get(flipped.size() - 1).clone();
                last[7] ^= 1;
                flipped.set(flipped.size() - 1, last);
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, flipped, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, proof.subList(0, proof.size() - 1), root)).isFalse();
            }
        }
    }

    @Property(tries = 70)
    void everyLaterTreeProvablyExtendsEveryEarlierOneAndARewrittenOneDoesNot(@ForAll @IntRange(min = 1, max = 70) int second) {
        List<byte[]> leaves = leaves(second);
        byte[] secondRoot = MerkleTree.root(leaves);
        for (int first = 0; first <= second; first++) {
            byte[] firstRoot = MerkleTree.root(leaves, first);
            List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
            assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof)).as("%d -> %d", first, second).isTrue();
            if (first > 0 && first < second) {
                List<byte[]> rewritten = new ArrayList<>(leaves);
                rewritten.set(first - 1, MerkleTree.leafHash(new byte[]{42}));
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, MerkleTree.root(rewritten), proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof.subList(0, proof.size() - 1))).isFalse();
            }
        }
    }

    @Property(tries = 20)
    void aGrowingFrontierHasTheTreeHeadOfEveryPrefix(@ForAll @IntRange(min = 0, max = 300) int size) {
        List<byte[]> leaves = leaves(size);
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.root()).isEqualTo(MerkleTree.root(leaves, 0));
        for (int i = 0; i < size; i++) {
            frontier.append(leaves.get(i));
            assertThat(frontier.root()).as("after %d", i + 1).isEqualTo(MerkleTree.root(leaves, i + 1));
        }
        assertThat(frontier.size()).isEqualTo(size);
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        assertThatThrownBy(() -> MerkleTree.inclusionProof(CT_LEAVES, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(CT_LEAVES, 5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(new byte[31], 0, 8, List.of(), MerkleTree.root(CT_LEAVES))).isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 6, MerkleTree.root(CT_LEAVES), MerkleTree.root(CT_LEAVES, 6), List.of())).isFalse();
    }

    /** RFC 6962's definition, word for word: split at the largest power of two below n. */
    private static byte[] recursiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(recursiveRoot(leaves.subList(0, k)), recursiveRoot(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("event-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
