package coop.plenum.governance.storage;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void aStoreThatH2ClosedAfterAFailedWriteIsReportedWithItsCause() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir)) {
            assertThat(server.storeFailure()).isEmpty();

            MVStoreException failed = DataUtils.newMVStoreException(DataUtils.ERROR_INTERNAL, "writing a page failed");
            // what H2 does when its background writer fails: it records the failure and closes the store at its next operation
            assertThatThrownBy(() -> server.store().panic(failed)).isSameAs(failed);

            assertThat(server.storeFailure()).hasValueSatisfying(failure ->
                    assertThat(failure).startsWith("the store closed after an error: ").contains("writing a page failed"));
        }
    }
}
