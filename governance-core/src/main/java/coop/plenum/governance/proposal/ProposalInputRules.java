package coop.plenum.governance.proposal;

import coop.plenum.governance.charter.CharterRules;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Instants;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC "Proposals": the bounds of a submission, a revision and a comment that need no state (docs/reliability.md
 * "Bounds"). The API checks them before sending; the Proposal aggregate checks them again with what it knows.
 */
public final class ProposalInputRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_COMMENT = 5_000;
    /** SPEC "Voting methods": an option vote offers 2 to 50 options. */
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 50;
    public static final int MAX_OPTION_LABEL = 200;
    public static final int MAX_REASON = 2_000;
    /** An outcome statement: a few paragraphs, like a comment that closes the discussion. */
    public static final int MAX_OUTCOME_STATEMENT = 4_000;
    /** SPEC "Voting methods", ELECTION: seats per class, each 1 to this many (a board, not a parliament). */
    public static final int MAX_SEATS = CharterRules.MAX_SEATS;
    /** An option id is what ballots name: short, plain, case-sensitive. */
    private static final Pattern OPTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

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
        VoteMethod method = VoteMethod.orDefault(command.method());
        if (method != VoteMethod.YES_NO && command.kind() != null && command.kind() != ProposalKind.GENERAL) {
            // an effect (admission, expulsion, amendment) follows a yes or a no, not a choice between options
            v.add(new Violation("method", "proposal.method-needs-general", method + " is for GENERAL proposals; "
                    + command.kind() + " is decided YES_NO"));
        }
        methodAndOptions(method, command.options(), v);
        seatsPerClass(method, command.seats(), v);
        coop.plenum.governance.budget.BudgetInputRules.submission(method, command.budget(), command.options(), v);
        electionsAreNotSecret(method, command.secrecy(), v);
        return v;
    }

    /**
     * SPEC "Voting methods": any method but ELECTION may be SECRET (a board election's count publishes each class's
     * round-by-round transfers, and candidates are ranked only by their own class).
     */
    private static void electionsAreNotSecret(VoteMethod method, Secrecy secrecy, List<Violation> v) {
        if (method == VoteMethod.ELECTION && secrecy == Secrecy.SECRET) {
            v.add(new Violation("secrecy", "proposal.secrecy-election", "an ELECTION cannot be SECRET"));
        }
    }

    /**
     * ELECTION may give 1 to {@link #MAX_SEATS} seats for some classes (slugs; the aggregate checks they are the
     * charter's, and takes the charter's seats when the proposal gives none); no other method has seats.
     */
    private static void seatsPerClass(VoteMethod method, Map<String, Integer> seats, List<Violation> v) {
        if (method != VoteMethod.ELECTION) {
            if (seats != null && !seats.isEmpty()) {
                v.add(new Violation("seats", "proposal.seats-unexpected", "only an ELECTION has seats"));
            }
            return;
        }
        if (seats == null || seats.isEmpty()) {
            return; // the charter's seats, if it has any (ProposalRules.seatsOfTheElection)
        }
        for (Map.Entry<String, Integer> e : seats.entrySet()) {
            if (e.getKey() == null || !Slugs.isSlug(e.getKey())) {
                v.add(new Violation("seats", "proposal.seats-class-unknown", "seats are keyed by the charter's class ids"));
                return;
            }
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > MAX_SEATS) {
                v.add(new Violation("seats." + e.getKey(), "proposal.seats-invalid", "a class has 1 to " + MAX_SEATS + " seats"));
                return;
            }
        }
    }

    /** YES_NO has no options; an option method has 2 to 50, each with a unique well-formed id and a label. */
    private static void methodAndOptions(VoteMethod method, List<ProposalOption> options, List<Violation> v) {
        if (!method.hasOptions()) {
            if (options != null && !options.isEmpty()) {
                v.add(new Violation("options", "proposal.options-unexpected", "a " + method + " proposal has no options"));
            }
            return;
        }
        if (options == null || options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            v.add(new Violation("options", "proposal.options-count",
                    method + " needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options"));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            ProposalOption o = options.get(i);
            String at = "options[" + i + "]";
            if (o == null) {
                v.add(new Violation(at, "proposal.option-missing", "an option is {id, label}"));
                continue;
            }
            if (o.id() == null || !OPTION_ID.matcher(o.id()).matches()) {
                v.add(new Violation(at + ".id", "proposal.option-id-invalid",
                        "an option id is 1 to 40 letters, digits, '-' or '_', starting with a letter or digit"));
            } else if (!ids.add(o.id())) {
                v.add(new Violation(at + ".id", "proposal.option-id-duplicate", "option ids are unique; '" + o.id() + "' repeats"));
            }
            Texts.required(at + ".label", o.label(), MAX_OPTION_LABEL, Texts.Lines.ONE, "proposal.option-label-invalid",
                    "an option label is 1 to " + MAX_OPTION_LABEL + " characters", v);
        }
    }

    /**
     * A ballot's body for the proposal's method: {@code choice} for YES_NO, {@code approve} (known option ids, each
     * once) for APPROVAL, {@code scores} (known option ids, whole numbers 0 to 5) for SCORE, {@code consent} for CONSENT (OBJECT with a
     * reason), and nothing else; an
     * optional {@code reason} of at most {@link #MAX_REASON} characters.
     */
    public static List<Violation> ballot(VoteMethod method, List<ProposalOption> options, CastBallot ballot) {
        List<Violation> v = new ArrayList<>();
        Set<String> known = new HashSet<>();
        options.forEach(o -> known.add(o.id()));
        switch (method) {
            case YES_NO -> {
                if (ballot.choice() == null) {
                    v.add(new Violation("choice", "ballot.choice-missing", "choice is YES, NO or ABSTAIN"));
                }
                notOfThisMethod("approve", ballot.approve(), method, v);
                notOfThisMethod("scores", ballot.scores(), method, v);
                notOfThisMethod("consent", ballot.consent(), method, v);
                notOfThisMethod("ranking", ballot.ranking(), method, v);
            }
            case CONSENT -> {
                if (ballot.consent() == null) {
                    v.add(new Violation("consent", "ballot.consent-missing", "consent is CONSENT, STAND_ASIDE or OBJECT"));
                } else if (ballot.consent() == coop.plenum.governance.options.ConsentChoice.OBJECT
                        && (ballot.reason() == null || ballot.reason().isBlank())) {
                    v.add(new Violation("reason", "ballot.objection-needs-reason", "an objection needs a reason"));
                }
                notOfThisMethod("choice", ballot.choice(), method, v);
                notOfThisMethod("approve", ballot.approve(), method, v);
                notOfThisMethod("scores", ballot.scores(), method, v);
                notOfThisMethod("ranking", ballot.ranking(), method, v);
            }
            case RANKED -> {
                if (ballot.ranking() == null) {
                    v.add(new Violation("ranking", "ballot.ranking-missing",
                            "ranking lists groups of option ids, best first (options in one group are tied)"));
                } else {
                    Set<String> seen = new HashSet<>();
                    outer:
                    for (List<String> group : ballot.ranking()) {
                        if (group == null || group.isEmpty()) {
                            v.add(new Violation("ranking", "ballot.ranking-group-empty", "each group of a ranking names at least one option"));
                            break;
                        }
                        for (String id : group) {
                            if (id == null || !known.contains(id)) {
                                v.add(new Violation("ranking", "ballot.option-unknown", "ranking names only this proposal's options"));
                                break outer;
                            }
                            if (!seen.add(id)) {
                                v.add(new Violation("ranking", "ballot.option-repeated", "ranking names each option at most once"));
                                break outer;
                            }
                        }
                    }
                }
                notOfThisMethod("choice", ballot.choice(), method, v);
                notOfThisMethod("approve", ballot.approve(), method, v);
                notOfThisMethod("scores", ballot.scores(), method, v);
                notOfThisMethod("consent", ballot.consent(), method, v);
            }
            case ELECTION -> {
                // options here are the candidates of the voter's own class (the aggregate passes them)
                if (ballot.ranking() == null) {
                    v.add(new Violation("ranking", "ballot.ranking-missing",
                            "ranking lists your class's candidates (member ids), best first, one per group"));
                } else {
                    Set<String> seen = new HashSet<>();
                    for (List<String> group : ballot.ranking()) {
                        if (group == null || group.size() != 1) {
                            v.add(new Violation("ranking", "ballot.ranking-tie", "an election ranks one candidate per place, no ties"));
                            break;
                        }
                        String id = group.get(0);
                        if (id == null || !known.contains(id)) {
                            v.add(new Violation("ranking", "ballot.candidate-not-of-your-class",
                                    "ranking names only the candidates standing for your own class"));
                            break;
                        }
                        if (!seen.add(id)) {
                            v.add(new Violation("ranking", "ballot.option-repeated", "ranking names each candidate at most once"));
                            break;
                        }
                    }
                }
                notOfThisMethod("choice", ballot.choice(), method, v);
                notOfThisMethod("approve", ballot.approve(), method, v);
                notOfThisMethod("scores", ballot.scores(), method, v);
                notOfThisMethod("consent", ballot.consent(), method, v);
            }
            case APPROVAL, BUDGET -> {
                if (ballot.approve() == null) {
                    v.add(new Violation("approve", "ballot.approve-missing", "approve lists the ids of the options you approve (it may be empty)"));
                } else {
                    Set<String> seen = new HashSet<>();
                    for (String id : ballot.approve()) {
                        if (id == null || !known.contains(id)) {
                            v.add(new Violation("approve", "ballot.option-unknown", "approve names only this proposal's options"));
                            break;
                        }
                        if (!seen.add(id)) {
                            v.add(new Violation("approve", "ballot.option-repeated", "approve names each option at most once"));
                            break;
                        }
                    }
                }
                notOfThisMethod("choice", ballot.choice(), method, v);
                notOfThisMethod("scores", ballot.scores(), method, v);
                notOfThisMethod("consent", ballot.consent(), method, v);
                notOfThisMethod("ranking", ballot.ranking(), method, v);
            }
            case SCORE -> {
                if (ballot.scores() == null) {
                    v.add(new Violation("scores", "ballot.scores-missing", "scores maps option ids to whole numbers 0 to 5"));
                } else {
                    for (Map.Entry<String, Integer> e : ballot.scores().entrySet()) {
                        if (!known.contains(e.getKey())) {
                            v.add(new Violation("scores", "ballot.option-unknown", "scores names only this proposal's options"));
                            break;
                        }
                        if (e.getValue() == null || e.getValue() < 0 || e.getValue() > method.maxScore()) {
                            v.add(new Violation("scores." + e.getKey(), "ballot.score-invalid", "a score is a whole number 0 to " + method.maxScore()));
                            break;
                        }
                    }
                }
                notOfThisMethod("choice", ballot.choice(), method, v);
                notOfThisMethod("approve", ballot.approve(), method, v);
                notOfThisMethod("consent", ballot.consent(), method, v);
                notOfThisMethod("ranking", ballot.ranking(), method, v);
            }
        }
        Texts.optional("reason", ballot.reason(), MAX_REASON, Texts.Lines.MANY, "ballot.reason-invalid",
                "a reason is at most " + MAX_REASON + " characters", v);
        return v;
    }

    private static void notOfThisMethod(String field, Object value, VoteMethod method, List<Violation> v) {
        if (value != null) {
            v.add(new Violation(field, "ballot.field-not-of-method", field + " is not part of a " + method + " ballot"));
        }
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

    /** 1 to {@link #MAX_OUTCOME_STATEMENT} characters, newlines kept, not blank. */
    public static List<Violation> outcomeStatement(RecordOutcomeStatement command) {
        List<Violation> v = new ArrayList<>();
        Texts.required("statement", command.statement(), MAX_OUTCOME_STATEMENT, Texts.Lines.MANY, "proposal.outcome-statement-invalid",
                "an outcome statement is 1 to " + MAX_OUTCOME_STATEMENT + " characters", v);
        return v;
    }

    public static List<Violation> comment(CommentOnProposal command) {
        List<Violation> v = new ArrayList<>();
        Texts.required("text", command.text(), MAX_COMMENT, Texts.Lines.MANY, "comment.text-invalid",
                "a comment is 1 to " + MAX_COMMENT + " characters", v);
        if (command.replyTo() != null && !Ids.isWellFormed(command.replyTo())) {
            v.add(new Violation("replyTo", "comment.reply-to-invalid", "replyTo is the id of a comment on this proposal"));
        }
        return v;
    }
}
