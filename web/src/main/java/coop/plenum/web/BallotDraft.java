package coop.plenum.web;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.RankedBallot;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.query.ProposalView;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ballot form of an option or consent vote as typed (or as the member's current ballot fills it in), every value a
 * string so that a refused ballot is shown again exactly as it was. Form fields: {@code consent}, {@code reason},
 * {@code approve} (one per ticked option), {@code score-<optionId>} (0–5) and {@code rank-<optionId>} (1 = first, equal
 * numbers tie, blank = unranked). Reading it gives the same {@link CastBallot} the API sends, so the aggregate judges
 * both alike.
 */
record BallotDraft(String consent, String reason, Set<String> approve, Map<String, String> scores, Map<String, String> ranks) {

    static final BallotDraft EMPTY = new BallotDraft("", "", Set.of(), Map.of(), Map.of());

    static final String SCORE = "score-";
    static final String RANK = "rank-";
    /** A rank beyond this is no one's meaning and would only make the number unreadable. */
    private static final int HIGHEST_RANK = 999;

    BallotDraft {
        // kept in a fixed order: the ballot built from it is stored, and replays must read the same event
        approve = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(approve));
        scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
        ranks = java.util.Collections.unmodifiableMap(new TreeMap<>(ranks));
    }

    static BallotDraft of(MultiValueMap<String, String> form) {
        Map<String, String> scores = new TreeMap<>();
        Map<String, String> ranks = new TreeMap<>();
        form.forEach((field, values) -> {
            String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            if (field.startsWith(SCORE)) {
                scores.put(field.substring(SCORE.length()), value);
            } else if (field.startsWith(RANK)) {
                ranks.put(field.substring(RANK.length()), value);
            }
        });
        List<String> approved = form.getOrDefault("approve", List.of());
        return new BallotDraft(orEmpty(form.getFirst("consent")), orEmpty(form.getFirst("reason")),
                new LinkedHashSet<>(approved.stream().map(BallotDraft::orEmpty).toList()), scores, ranks);
    }

    /** The member's ballot as it stands, to fill the form in; empty when they have none. */
    static BallotDraft current(ProposalView proposal, MemberId me) {
        if (me == null) {
            return EMPTY;
        }
        String reason = orEmpty(proposal.reasons().get(me));
        ConsentChoice consent = proposal.consentBallots().get(me);
        OptionBallot scored = proposal.optionBallots().get(me);
        RankedBallot ranked = proposal.rankedBallots().get(me);
        Map<String, String> scores = new TreeMap<>();
        Set<String> approved = new LinkedHashSet<>();
        if (scored != null) {
            scored.scores().forEach((id, score) -> scores.put(id, String.valueOf(score)));
            approved.addAll(scored.approved());
        }
        Map<String, String> ranks = new TreeMap<>();
        if (ranked != null) {
            for (int place = 0; place < ranked.ranking().size(); place++) {
                for (String id : ranked.ranking().get(place)) {
                    ranks.put(id, String.valueOf(place + 1));
                }
            }
        }
        return new BallotDraft(consent == null ? "" : consent.name(), reason, approved, scores, ranks);
    }

    /** The draft to show again: without characters that were refused, so the page itself stays clean. */
    BallotDraft shown() {
        Map<String, String> scoresShown = new TreeMap<>();
        scores.forEach((k, v) -> scoresShown.put(FormText.shown(k), FormText.shown(v)));
        Map<String, String> ranksShown = new TreeMap<>();
        ranks.forEach((k, v) -> ranksShown.put(FormText.shown(k), FormText.shown(v)));
        return new BallotDraft(FormText.shown(consent), FormText.shown(reason),
                new LinkedHashSet<>(approve.stream().map(FormText::shown).toList()), scoresShown, ranksShown);
    }

    /**
     * The ballot for the proposal's method. Only what the form itself cannot express is refused here (a number that is
     * no number, a consent that is none of the three); whether the ballot suits the proposal (known options, an
     * objection's reason) the aggregate decides, as for the API.
     */
    CastBallot command(ProposalId proposal, MemberId me, VoteMethod method) {
        List<Violation> violations = new ArrayList<>();
        String why = reason.isBlank() ? null : reason;
        CastBallot ballot = switch (method) {
            case CONSENT -> new CastBallot(proposal, me, null, null, null, why, consent(violations), null);
            case APPROVAL, BUDGET -> new CastBallot(proposal, me, null, List.copyOf(approve), null, why, null, null);
            case SCORE -> new CastBallot(proposal, me, null, null, scores(violations), why, null, null);
            case RANKED -> new CastBallot(proposal, me, null, null, null, why, null, ranking(violations));
            // a board election: rank-<memberId> per candidate of the member's class; equal numbers are refused as ties
            case ELECTION -> new CastBallot(proposal, me, null, null, null, why, null, ranking(violations));
            case YES_NO -> throw new InvalidInput("choice", "ballot.choice-invalid", "choice is YES, NO, ABSTAIN or RETRACT");
        };
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return ballot;
    }

    private ConsentChoice consent(List<Violation> violations) {
        return Arrays.stream(ConsentChoice.values()).filter(c -> c.name().equals(consent.strip())).findFirst().orElseGet(() -> {
            violations.add(new Violation("consent", "ballot.consent-missing", "choose consent, stand aside or object"));
            return null;
        });
    }

    /** Every score the form sent; a blank one is the default, 0. */
    private Map<String, Integer> scores(List<Violation> violations) {
        Map<String, Integer> read = new TreeMap<>();
        scores.forEach((id, typed) -> {
            Integer score = typed.isBlank() ? Integer.valueOf(0) : wholeNumber(typed);
            if (score == null) {
                violations.add(new Violation("scores." + id, "ballot.score-invalid", "a score is a whole number 0 to 5"));
            } else {
                read.put(id, score);
            }
        });
        return read;
    }

    /** Options grouped by the number typed next to them, lowest first; equal numbers share a group, blanks are left out. */
    private List<List<String>> ranking(List<Violation> violations) {
        TreeMap<Integer, List<String>> byPlace = new TreeMap<>();
        ranks.forEach((id, typed) -> {
            if (typed.isBlank()) {
                return;
            }
            Integer place = wholeNumber(typed);
            if (place == null || place < 1 || place > HIGHEST_RANK) {
                violations.add(new Violation("ranking", "ballot.rank-invalid",
                        "a rank is a whole number from 1 (first) to " + HIGHEST_RANK + "; leave an option blank to leave it unranked"));
            } else {
                byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(id);
            }
        });
        return byPlace.values().stream().map(List::copyOf).toList();
    }

    private static Integer wholeNumber(String typed) {
        String digits = typed.strip();
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    // for the templates
    public boolean approves(ProposalOption option) {
        return approve.contains(option.id());
    }

    public String scoreOf(ProposalOption option) {
        String typed = scores.get(option.id());
        return typed == null || typed.isBlank() ? "0" : typed.strip();
    }

    public String rankOf(ProposalOption option) {
        return ranks.getOrDefault(option.id(), "");
    }

    /**
     * The member's current ballot in words, with the options' labels ({@code "Wind first, then Solar and Hydro"}),
     * or {@code null} when they have none.
     */
    static String described(ProposalView proposal, MemberId me, Words words) {
        if (me == null) {
            return null;
        }
        Map<String, String> labels = new java.util.HashMap<>();
        proposal.summary().options().forEach(o -> labels.put(o.id(), o.label()));
        ConsentChoice consent = proposal.consentBallots().get(me);
        if (consent != null) {
            return switch (consent) {
                case CONSENT -> words.say("myBallot.consent");
                case STAND_ASIDE -> words.say("myBallot.standAside");
                case OBJECT -> words.say("myBallot.object");
            };
        }
        RankedBallot ranked = proposal.rankedBallots().get(me);
        if (ranked != null) {
            if (ranked.ranking().isEmpty()) {
                return words.say("myBallot.rankedNone");
            }
            List<String> places = new ArrayList<>();
            ranked.ranking().forEach(group -> places.add(words.list(group.stream().map(id -> labels.getOrDefault(id, id)).toList())));
            return words.say("myBallot.ranked", String.join(words.say("myBallot.then") + " ", places));
        }
        OptionBallot scored = proposal.optionBallots().get(me);
        if (scored == null) {
            return null;
        }
        if (proposal.summary().method() == VoteMethod.SCORE) {
            return words.say("myBallot.scored", String.join(", ", proposal.summary().options().stream()
                    .map(o -> labels.get(o.id()) + " " + scored.scoreOf(o.id())).toList()));
        }
        List<String> approved = proposal.summary().options().stream().filter(o -> scored.scoreOf(o.id()) > 0)
                .map(ProposalOption::label).toList();
        return approved.isEmpty() ? words.say("myBallot.approvedNone") : words.say("myBallot.approved", String.join(", ", approved));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
