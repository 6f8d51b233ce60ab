package coop.plenum.governance.axon;

/** Keys of the metadata every Plenum event carries (SPEC "Audit"). */
public final class EventMetadata {

    /** The account that issued the command, or {@link #SYSTEM} for the platform itself. */
    public static final String ACTOR = coop.plenum.kernel.ActingAccount.METADATA_KEY;
    /** Shared by every message that one request set in motion. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    public static final String SYSTEM = "system";
    /**
     * On a command only (never copied to events): the cooperative under which the request addressed the aggregate,
     * so the aggregate itself answers "not here" for another cooperative's id without a read-model lookup first.
     */
    public static final String ADDRESSED_COOPERATIVE = "addressedCooperative";

    private EventMetadata() {
    }
}
