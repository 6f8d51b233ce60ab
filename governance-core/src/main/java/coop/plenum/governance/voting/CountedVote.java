package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An electorate member's power counted with a ballot. {@code memberId}, {@code classId} and {@code power} are the
 * member's own (SPEC: delegated power counts in the delegator's own class); {@code choice} is the ballot counted, of
 * the voting method's ballot type; {@code castBy} is the member whose ballot supplied it: the member themself for a
 * direct ballot, the delegate at the end of the chain for a delegated one. A member whose power is not counted has no
 * {@code CountedVote}.
 */
public record CountedVote<B>(MemberId memberId, String classId, BigDecimal power, B choice, MemberId castBy) {

    public CountedVote {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(castBy, "castBy");
    }

    /** The voter's own ballot. */
    public static <B> CountedVote<B> direct(Voter voter, B choice) {
        return new CountedVote<>(voter.memberId(), voter.classId(), voter.power(), choice, voter.memberId());
    }

    /** The voter's power, counted with the ballot of {@code castBy}. */
    public static <B> CountedVote<B> delegated(Voter voter, B choice, MemberId castBy) {
        return new CountedVote<>(voter.memberId(), voter.classId(), voter.power(), choice, castBy);
    }

    public boolean isDirect() {
        return memberId.equals(castBy);
    }
}
