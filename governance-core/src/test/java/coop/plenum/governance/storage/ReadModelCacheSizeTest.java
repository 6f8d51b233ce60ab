package coop.plenum.governance.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelCacheSizeTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void theReadModelPageCacheIsAnEighthOfTheHeap() {
        assertThat(ReadModelCacheSize.forHeap(256 * MIB)).isEqualTo(32);
        assertThat(ReadModelCacheSize.forHeap(2048 * MIB)).isEqualTo(256);
    }

    @Test
    void aSmallHeapStillGetsH2sDefaultCacheAndAHugeOneIsCapped() {
        assertThat(ReadModelCacheSize.forHeap(64 * MIB)).isEqualTo(16);
        assertThat(ReadModelCacheSize.forHeap(0)).isEqualTo(16);
        assertThat(ReadModelCacheSize.forHeap(6 * 1024 * MIB)).isEqualTo(512);
        // what the JVM reports when the heap has no limit
        assertThat(ReadModelCacheSize.forHeap(Long.MAX_VALUE)).isEqualTo(512);
    }

    @Test
    void theEmbeddedStoreOpensWithTheCacheItIsGiven() {
        ReadModelBackend backend = new ReadModelBackend(dir.resolve("readmodels.mv").toString(), 48);
        try {
            assertThat(backend.getMvStore().getCacheSize()).isEqualTo(48);
        } finally {
            backend.close();
        }
    }
}
