package coop.plenum.governance.proposal.secret;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.SecretBallotsRevealed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The close of a secret vote, before the count: every member's last sealed ballot opened with the vote's key and
 * turned into an anonymous {@link RevealedBallot} (tag, class, power, body), sorted by tag: the tag is a hash of a
 * secret only the voter holds, so the order is random, unrelated to who cast or when, and the same on every replay.
 */
public final class SecretReveal {

    /** Ballots per {@link SecretBallotsRevealed} event: 100,000 ballots make 100 events of ~150 KB, not one of 15 MB. */
    public static final int PAGE_SIZE = 1_000;

    private static final Comparator<RevealedBallot> BY_TAG = Comparator.comparing(RevealedBallot::tag)
            // two voters who brought the same secret: ordered by what they say, never by when they said it
            .thenComparing(RevealedBallot::toString);

    private SecretReveal() {
    }

    public static List<RevealedBallot> reveal(byte[] key, ProposalId proposalId, Map<MemberId, String> sealed,
                                              Map<MemberId, ElectorateMember> electorate) {
        List<RevealedBallot> revealed = new ArrayList<>(sealed.size());
        SealedBallots.Opener opener = new SealedBallots.Opener(key);
        sealed.forEach((member, ballot) -> {
            SecretBallotBody body = opener.open(proposalId, member, ballot);
            ElectorateMember voter = electorate.get(member);
            revealed.add(new RevealedBallot(body.tag(), voter.classId(), voter.power(), body.choice(), body.approve(),
                    body.scores(), body.consent(), body.reason(), body.ranking()));
        });
        revealed.sort(BY_TAG);
        return revealed;
    }

    /** The revealed ballots as events of at most {@link #PAGE_SIZE} each; one empty page when nobody voted. */
    public static List<SecretBallotsRevealed> pages(ProposalId proposalId, List<RevealedBallot> revealed) {
        int pages = Math.max(1, (revealed.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<SecretBallotsRevealed> events = new ArrayList<>(pages);
        for (int page = 0; page < pages; page++) {
            events.add(new SecretBallotsRevealed(proposalId, page + 1, pages,
                    List.copyOf(revealed.subList(page * PAGE_SIZE, Math.min(revealed.size(), (page + 1) * PAGE_SIZE)))));
        }
        return events;
    }
}
