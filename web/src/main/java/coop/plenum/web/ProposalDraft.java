package coop.plenum.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.api.cooperative.CharterJson;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.ProposalEffect;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "new proposal" form as typed, every field a string, so a refused form is shown again exactly as it was.
 * Reading it into a command names every field that cannot be read, at once.
 */
record ProposalDraft(String title, String body, String topic, String kind, String applicantId, String memberId, String charter,
                     String votingOpensAt, String votingClosesAt, String method, String options, String budgetAmount,
                     String budgetCurrency, String secrecy) {

    /** {@code secrecy} blank: as the charter says for the proposal's kind (admissions and expulsions secret by default). */
    static final ProposalDraft EMPTY = new ProposalDraft("", "", "", "GENERAL", "", "", null, "", "", "YES_NO", "", "", "EUR", "");

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 9999;

    static ProposalDraft of(MultiValueMap<String, String> form) {
        return new ProposalDraft(orEmpty(form.getFirst("title")), orEmpty(form.getFirst("body")), orEmpty(form.getFirst("topic")),
                orEmpty(form.getFirst("kind")), orEmpty(form.getFirst("applicantId")), orEmpty(form.getFirst("memberId")),
                form.getFirst("charter"), orEmpty(form.getFirst("votingOpensAt")), orEmpty(form.getFirst("votingClosesAt")),
                orEmpty(form.getFirst("method")), orEmpty(form.getFirst("options")), orEmpty(form.getFirst("budgetAmount")),
                orEmpty(form.getFirst("budgetCurrency")), orEmpty(form.getFirst("secrecy")));
    }

    /** The draft to show again: without characters that were refused, so the page itself stays clean. */
    ProposalDraft shown() {
        return new ProposalDraft(FormText.shown(title), FormText.shown(body), FormText.shown(topic), FormText.shown(kind),
                FormText.shown(applicantId), FormText.shown(memberId), charter == null ? null : FormText.shown(charter),
                FormText.shown(votingOpensAt), FormText.shown(votingClosesAt), FormText.shown(method), FormText.shown(options),
                FormText.shown(budgetAmount), FormText.shown(budgetCurrency), FormText.shown(secrecy));
    }

    /**
     * GENERAL, an ADMISSION/EXPULSION naming a member, or a CHARTER_AMENDMENT carrying the whole new charter as JSON.
     * The voting times are read in the reader's time zone, as the form says next to the fields (issue 14).
     */
    SubmitProposal command(ProposalId id, CooperativeId cooperative, ObjectMapper json, ZoneId zone) {
        List<Violation> violations = new ArrayList<>();
        ProposalKind kind = kind(violations);
        Instant opens = instant("votingOpensAt", votingOpensAt, zone, violations);
        Instant closes = instant("votingClosesAt", votingClosesAt, zone, violations);
        ProposalEffect effect = kind == null ? null : effect(kind, json, violations);
        VoteMethod voteMethod = method(violations);
        boolean budget = voteMethod == VoteMethod.BUDGET;
        List<ProposalOption> offered = voteMethod != null && voteMethod.hasOptions()
                ? budget ? OptionLines.readWithCosts(options, violations) : OptionLines.read(options) : null;
        coop.plenum.governance.budget.ProposalBudget amount = budget ? budget(violations) : null;
        Secrecy ballots = secrecy(violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new SubmitProposal(id, cooperative, title, body, topic.isBlank() ? null : topic, kind, effect, opens, closes,
                voteMethod == VoteMethod.YES_NO ? null : voteMethod, offered, null, null, amount, ballots);
    }

    /** Blank leaves it to the charter (the proposal's kind decides); OPEN or SECRET say it for this proposal. */
    private Secrecy secrecy(List<Violation> violations) {
        if (secrecy.isBlank()) {
            return null;
        }
        return Arrays.stream(Secrecy.values()).filter(s -> s.name().equals(secrecy.strip())).findFirst().orElseGet(() -> {
            violations.add(new Violation("secrecy", "proposal.secrecy-unknown", "Ballots are open or secret, or left to the charter."));
            return null;
        });
    }

    /** A BUDGET proposal's budget as typed: the amount must read as a number; its bounds the command checks. */
    private coop.plenum.governance.budget.ProposalBudget budget(List<Violation> violations) {
        java.math.BigDecimal amount = OptionLines.amount(budgetAmount);
        if (amount == null) {
            violations.add(new Violation("budget.amount", "proposal.budget-amount-invalid", "the budget is a number such as 25000 or 1200.50"));
        }
        return new coop.plenum.governance.budget.ProposalBudget(amount, budgetCurrency.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The options with the ids they will get, for the form to show under the list (empty when none are typed). */
    public List<ProposalOption> derivedOptions() {
        return "BUDGET".equals(method) ? OptionLines.readWithCosts(options, new ArrayList<>()) : OptionLines.read(options);
    }

    private VoteMethod method(List<Violation> violations) {
        if (method.isBlank()) {
            return VoteMethod.YES_NO;
        }
        return Arrays.stream(VoteMethod.values()).filter(m -> m.name().equals(method.strip())).findFirst().orElseGet(() -> {
            violations.add(new Violation("method", "proposal.method-unknown", "method is one of " + Arrays.toString(VoteMethod.values())));
            return null;
        });
    }

    private ProposalKind kind(List<Violation> violations) {
        if (kind.isBlank()) {
            return ProposalKind.GENERAL;
        }
        return Arrays.stream(ProposalKind.values()).filter(k -> k.name().equals(kind.strip())).findFirst().orElseGet(() -> {
            violations.add(new Violation("kind", "proposal.kind-unknown", "kind is one of " + Arrays.toString(ProposalKind.values())));
            return null;
        });
    }

    private ProposalEffect effect(ProposalKind kind, ObjectMapper json, List<Violation> violations) {
        return switch (kind) {
            case CHARTER_AMENDMENT -> charterAmendment(json, violations);
            case ADMISSION, EXPULSION -> {
                String member = kind == ProposalKind.ADMISSION ? applicantId : memberId;
                if (member.isBlank()) {
                    violations.add(new Violation("effect.memberId", "proposal.effect-member-missing",
                            kind == ProposalKind.ADMISSION ? "choose the applicant to admit" : "choose the member to expel"));
                    yield null;
                }
                yield new ProposalEffect(null, new MemberId(member.strip()));
            }
            default -> null;
        };
    }

    private ProposalEffect charterAmendment(ObjectMapper json, List<Violation> violations) {
        if (charter == null || charter.isBlank()) {
            violations.add(new Violation("effect.charter", "proposal.effect-charter-missing",
                    "a charter amendment carries the whole new charter (JSON)"));
            return null;
        }
        CharterJson read;
        try {
            read = json.readValue(charter, CharterJson.class);
        } catch (JsonProcessingException unreadable) {
            violations.add(new Violation("effect.charter", "proposal.effect-unreadable",
                    "the new charter is not readable JSON: " + unreadable.getOriginalMessage()));
            return null;
        }
        if (read == null) {
            violations.add(new Violation("effect.charter", "proposal.effect-charter-missing",
                    "a charter amendment carries the whole new charter (JSON)"));
            return null;
        }
        try {
            return new ProposalEffect(CharterJson.toCharterOf(read), null);
        } catch (RuleViolation refused) {
            throw refused;
        } catch (RuntimeException incomplete) {
            // the charter's own rules name the fault when it is complete enough to be built; before that, say so
            violations.add(new Violation("effect.charter", "proposal.effect-charter-invalid",
                    "the new charter is incomplete: every class needs an id, a name, a weight and a quorum"));
            return null;
        }
    }

    /**
     * The form's datetime-local fields, read in the reader's zone, as the page says. A time that falls in a gap (the
     * hour skipped when clocks go forward) moves forward by the gap's length; one that occurs twice is the earlier.
     */
    private static Instant instant(String field, String local, ZoneId zone, List<Violation> violations) {
        if (local.isBlank()) {
            return null;
        }
        try {
            LocalDateTime at = LocalDateTime.parse(local.strip());
            if (at.getYear() < FIRST_YEAR || at.getYear() > LAST_YEAR) {
                violations.add(new Violation(field, "request.date-time-out-of-range",
                        field + " lies between the years " + FIRST_YEAR + " and " + LAST_YEAR));
                return null;
            }
            return at.atZone(zone).toInstant();
        } catch (DateTimeParseException unreadable) {
            violations.add(new Violation(field, "request.date-time-invalid",
                    field + " is a date and time (" + zone.getId() + "), written like 2026-05-01T18:00"));
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
