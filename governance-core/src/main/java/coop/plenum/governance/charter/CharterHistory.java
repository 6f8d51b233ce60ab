package coop.plenum.governance.charter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The charters a cooperative has had, oldest first: the one in force now, and the one in force at any instant
 * (SPEC "as of T": the last charter adopted at or before it; before the founding, the founding charter).
 */
public final class CharterHistory {

    private record Since(Instant since, Charter charter) {
    }

    private final List<Since> charters = new ArrayList<>();

    /** The cooperative was founded under, or amended to, {@code charter} at {@code since}. */
    public void adopted(Instant since, Charter charter) {
        charters.add(new Since(Objects.requireNonNull(since, "since"), Objects.requireNonNull(charter, "charter")));
    }

    /** The charter in force now: the latest one. */
    public Charter inForce() {
        return charters.get(charters.size() - 1).charter();
    }

    public Charter asOf(Instant instant) {
        Charter inForce = charters.get(0).charter();
        for (Since c : charters) {
            if (!c.since().isAfter(instant)) {
                inForce = c.charter();
            }
        }
        return inForce;
    }
}
