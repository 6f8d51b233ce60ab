package coop.plenum.governance.activity;

import java.util.List;

/** One page of activity (see {@link FindActivity}); {@code older}: whether a further page follows. */
public record ActivityPage(List<ActivityEntry> entries, int page, boolean older) {
}
