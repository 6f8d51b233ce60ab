package coop.plenum.governance.audit.offline;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/** A progress bar on stderr for long files (5 MB and more), redrawn every 2 %. */
final class ProgressBar implements LongConsumer {

    private static final long SHOWN_FROM_BYTES = 5_000_000;

    private final long total;
    private final PrintStream err;
    private long read;
    private long shown = -1;

    ProgressBar(long total, PrintStream err) {
        this.total = total;
        this.err = err;
    }

    @Override
    public void accept(long bytes) {
        read += bytes;
        if (total < SHOWN_FROM_BYTES) {
            return;
        }
        long percent = Math.min(100, read * 100 / total);
        if (percent / 2 != shown) {
            shown = percent / 2;
            err.print("\r[" + "#".repeat((int) shown) + " ".repeat(50 - (int) shown) + "] " + percent + " %");
        }
    }

    void done() {
        if (total >= SHOWN_FROM_BYTES) {
            err.println();
        }
    }
}
