package coop.plenum.governance.proposal;

import coop.plenum.governance.charter.CharterRules;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Instants;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC "Proposals": the bounds of a submission, a revision and a comment that need no state (docs/reliability.md
 * "Bounds"). The API checks them before sending; the Proposal aggregate checks them again with what it knows.
 */
public final class ProposalInputRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_COMMENT = 5_000;

    private ProposalInputRules() {
    }

    public static List<Violation> submission(SubmitProposal command) {
        List<Violation> v = new ArrayList<>();
        titleAndBody(command.title(), command.body(), v);
        if (command.topic() == null || !Slugs.isSlug(command.topic())) {
            v.add(new Violation("topic", "proposal.topic-unknown", "the topic is one of the charter's topics (a slug)"));
        }
        if (command.kind() == null) {
            v.add(new Violation("kind", "proposal.kind-missing", "kind is GENERAL, CHARTER_AMENDMENT, ADMISSION or EXPULSION"));
        } else if (command.kind() == ProposalKind.CHARTER_AMENDMENT && command.effect() != null && command.effect().charter() != null) {
            CharterRules.violations(CharterRules.complete(command.effect().charter())).forEach(c ->
                    v.add(new Violation("effect." + c.field(), c.code(), c.message())));
        }
        if (command.effect() != null && command.effect().memberId() != null
                && !Ids.isWellFormed(command.effect().memberId().value())) {
            v.add(new Violation("effect.memberId", "proposal.effect-member-invalid", "effect.memberId is a member id"));
        }
        scheduleIsInOrder(command.votingOpensAt(), command.votingClosesAt(), v);
        return v;
    }

    /** Both ends of a schedule lie in the years 1970–9999, and closing comes after opening. */
    private static void scheduleIsInOrder(Instant opensAt, Instant closesAt, List<Violation> v) {
        boolean opensOk = Instants.storable("votingOpensAt", opensAt, v);
        boolean closesOk = Instants.storable("votingClosesAt", closesAt, v);
        if (opensOk && closesOk && opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            v.add(new Violation("votingClosesAt", "proposal.closes-before-opening",
                    "votingClosesAt lies in the future and after votingOpensAt"));
        }
    }

    public static List<Violation> revision(ReviseProposal command) {
        List<Violation> v = new ArrayList<>();
        titleAndBody(command.title(), command.body(), v);
        return v;
    }

    public static void titleAndBody(String title, String body, List<Violation> v) {
        Texts.required("title", title, MAX_TITLE, Texts.Lines.ONE, "proposal.title-invalid",
                "a title is 1 to " + MAX_TITLE + " characters", v);
        if (Texts.storable("body", body, Texts.Lines.MANY, v) && (body == null || body.length() > MAX_BODY)) {
            v.add(new Violation("body", "proposal.body-invalid", "a body is at most " + MAX_BODY + " characters (it may be empty)"));
        }
    }

    public static List<Violation> comment(CommentOnProposal command) {
        List<Violation> v = new ArrayList<>();
        Texts.required("text", command.text(), MAX_COMMENT, Texts.Lines.MANY, "comment.text-invalid",
                "a comment is 1 to " + MAX_COMMENT + " characters", v);
        return v;
    }
}
