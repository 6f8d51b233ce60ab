package coop.plenum.governance.storage;

/**
 * How much of the heap the embedded read-model store may keep as decoded pages. H2's default, 16 MiB, is a tenth of
 * the store a 2,000-member cooperative's vote builds, so while ballots were cast about a quarter of the store's
 * update time went to reading and decoding pages again (JFR, docs/performance.md). An eighth of the maximum heap,
 * never less than H2's default nor more than 512 MiB, keeps such a store in memory on an ordinary server and leaves
 * a small heap (256 MiB gives 32 MiB) room for everything else.
 */
final class ReadModelCacheSize {

    static final int MIN_MIB = 16;
    static final int MAX_MIB = 512;

    private ReadModelCacheSize() {
    }

    static int defaultMiB() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    static int forHeap(long maxHeapBytes) {
        long eighthMiB = maxHeapBytes / 8 / (1024 * 1024);
        return (int) Math.max(MIN_MIB, Math.min(MAX_MIB, eighthMiB));
    }
}
