package coop.plenum.governance.axon;

/**
 * An aggregate that writes its snapshots as a record of its own state (applied back by an event-sourcing handler)
 * instead of letting the snapshotter serialize the aggregate object itself: its fields, maps keyed by ids and all.
 */
public interface SnapshotSource {

    Object snapshot();
}
