package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.proposal.ProposalInputRules;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Violation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SPEC "Proposals": what a submission, a revision and a comment must satisfy. Each rule a named method. */
final class ProposalRules {

    private ProposalRules() {
    }

    /** Only ACTIVE members act: propose, comment. Returns the acting member. */
    static MemberId onlyActiveMembersPropose(CooperativeFacts coop, String actor) {
        Optional<MemberId> member = actor == null ? Optional.empty() : coop.activeMembershipOf(new AccountId(actor));
        return member.orElseThrow(() -> new NotAllowed("proposal.active-members-only",
                "only ACTIVE members of this cooperative may do this"));
    }

    static void assertValidSubmission(SubmitProposal command, CooperativeFacts coop, Instant now) {
        List<Violation> v = ProposalInputRules.submission(command);
        Charter charter = coop.charterAsOf(now);
        if (command.topic() != null && Slugs.isSlug(command.topic()) && !charter.topics().contains(command.topic())) {
            v.add(new Violation("topic", "proposal.topic-unknown", "the topic is one of the charter's: " + charter.topics()));
        }
        if (command.kind() != null) {
            effectFitsTheKind(command, coop, v);
        }
        scheduleLiesAhead(command.votingOpensAt(), command.votingClosesAt(), now, v);
        seatsAreForTheChartersClasses(command, charter, v);
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }

    /** GENERAL has no effect; an amendment carries a valid charter; ADMISSION names an applicant, EXPULSION a member. */
    private static void effectFitsTheKind(SubmitProposal command, CooperativeFacts coop, List<Violation> v) {
        var effect = command.effect();
        switch (command.kind()) {
            case GENERAL -> {
                if (effect != null && (effect.charter() != null || effect.memberId() != null)) {
                    v.add(new Violation("effect", "proposal.effect-unexpected", "a GENERAL proposal has no effect"));
                }
            }
            case CHARTER_AMENDMENT -> {
                if (effect == null || effect.charter() == null) {
                    v.add(new Violation("effect.charter", "proposal.effect-missing", "a CHARTER_AMENDMENT carries the new charter"));
                }
            }
            case ADMISSION -> memberIs(effect == null ? null : effect.memberId(), coop, EnumSet.of(MemberStatus.APPLIED),
                    "an ADMISSION names an applicant (APPLIED)", v);
            case EXPULSION -> memberIs(effect == null ? null : effect.memberId(), coop,
                    EnumSet.of(MemberStatus.ACTIVE, MemberStatus.SUSPENDED), "an EXPULSION names an ACTIVE or SUSPENDED member", v);
        }
    }

    private static void memberIs(MemberId memberId, CooperativeFacts coop, Set<MemberStatus> allowed, String rule,
                                 List<Violation> v) {
        if (v.stream().anyMatch(x -> x.field().equals("effect.memberId"))) {
            return;
        }
        if (memberId == null || coop.statusOf(memberId).filter(allowed::contains).isEmpty()) {
            v.add(new Violation("effect.memberId", "proposal.effect-member-invalid", rule));
        }
    }

    /**
     * SPEC "Voting methods", ELECTION: the seats per class the proposal gives, or else the charter's in force at
     * submission (pinned in ProposalSubmitted as every other rule); {@code null} for any other method.
     */
    static java.util.Map<String, Integer> seatsOfTheElection(SubmitProposal command, Charter charter) {
        if (coop.plenum.governance.options.VoteMethod.orDefault(command.method())
                != coop.plenum.governance.options.VoteMethod.ELECTION) {
            return null;
        }
        java.util.Map<String, Integer> seats = command.seats() == null || command.seats().isEmpty()
                ? charter.seatsOrNone() : command.seats();
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(seats));
    }

    /** ELECTION: seats are given only to classes the charter in force has; without any, the charter must give them. */
    private static void seatsAreForTheChartersClasses(SubmitProposal command, Charter charter, List<Violation> v) {
        if (v.stream().anyMatch(x -> x.field().startsWith("seats"))) {
            return;
        }
        java.util.Map<String, Integer> seats = seatsOfTheElection(command, charter);
        if (seats != null && seats.isEmpty()) {
            v.add(new Violation("seats", "proposal.seats-missing", "an ELECTION gives seats per class: {classId: 1 to "
                    + ProposalInputRules.MAX_SEATS + "}, unless the charter gives them"));
            return;
        }
        if (command.seats() == null) {
            return;
        }
        java.util.Set<String> classes = new java.util.HashSet<>();
        charter.classes().forEach(c -> classes.add(c.id()));
        new java.util.TreeSet<>(command.seats().keySet()).stream().filter(id -> !classes.contains(id)).findFirst()
                .ifPresent(id -> v.add(new Violation("seats." + id, "proposal.seats-class-unknown",
                        "seats are given to the charter's classes; '" + id + "' is not one")));
    }

    /** A schedule lies ahead, and closing comes after opening. */
    private static void scheduleLiesAhead(Instant opensAt, Instant closesAt, Instant now, List<Violation> v) {
        if (v.stream().anyMatch(x -> x.field().startsWith("voting"))) {
            return; // out of bounds or out of order: already said
        }
        if (opensAt != null && !opensAt.isAfter(now)) {
            v.add(new Violation("votingOpensAt", "proposal.schedule-in-the-past", "votingOpensAt lies in the future"));
        }
        if (closesAt != null && !closesAt.isAfter(opensAt == null ? now : opensAt)) {
            v.add(new Violation("votingClosesAt", "proposal.closes-before-opening",
                    "votingClosesAt lies in the future and after votingOpensAt"));
        }
    }
}
