package coop.plenum.kernel;

/**
 * Source of new identifiers. Injected (never {@code UUID.randomUUID()} inline) so tests and replays can be
 * deterministic; identifiers end up inside events, so a replay never needs to generate them again.
 */
@FunctionalInterface
public interface IdGenerator {

    String newId();

    static IdGenerator random() {
        return () -> java.util.UUID.randomUUID().toString();
    }

    /** Deterministic ids {@code prefix-1, prefix-2, …}; for tests and demo seeding. */
    static IdGenerator sequential(String prefix) {
        var counter = new java.util.concurrent.atomic.AtomicLong();
        return () -> prefix + "-" + counter.incrementAndGet();
    }
}
