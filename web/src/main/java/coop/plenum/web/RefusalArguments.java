package coop.plenum.web;

import coop.plenum.api.account.PasswordPolicy;
import coop.plenum.api.audit.MemberReceiptsPage;
import coop.plenum.governance.account.AccountInputRules;
import coop.plenum.governance.axon.DeadLetters;
import coop.plenum.governance.charter.CharterRules;
import coop.plenum.governance.cooperative.FoundingInputRules;
import coop.plenum.governance.invitation.InvitationRules;
import coop.plenum.governance.proposal.ProposalInputRules;
import coop.plenum.governance.webhook.RegisterWebhook;
import coop.plenum.governance.webhook.WebhookUrl;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Slugs;
import coop.plenum.ledger.LedgerInputRules;

import java.util.Map;

import static java.util.Map.entry;

/**
 * The bounds an input refusal's sentence names ({@code refusal.<code>} with {@code {0}}, {@code {1}}), taken from the
 * rule's own constant so a translated sentence never states a limit the core no longer enforces. The core's
 * violation carries only an English sentence, so the numbers are supplied here rather than parsed out of it; the
 * message format then writes them the reader's way (20,000 / 20.000).
 * EveryRefusalCodeHasASentenceInEveryLanguageTest holds every parameterised sentence to an entry here.
 */
public final class RefusalArguments {

    private static final Object[] NONE = {};

    private static final Map<String, Object[]> BOUNDS = Map.ofEntries(
            entry("account.display-name-invalid", args(AccountInputRules.MAX_DISPLAY_NAME)),
            entry("account.email-invalid", args(AccountInputRules.MAX_EMAIL)),
            entry("account.password-too-long", args(PasswordPolicy.MAX_BYTES)),
            entry("account.password-too-short", args(PasswordPolicy.MIN_LENGTH)),
            entry("allocation.label-invalid", args(LedgerInputRules.MAX_ALLOCATION_LABEL)),
            entry("allocation.lines-invalid", args(LedgerInputRules.MAX_ALLOCATION_LINES)),
            entry("allocation.project-invalid", args(LedgerInputRules.MAX_ALLOCATION_LABEL)),
            entry("ballot.reason-invalid", args(ProposalInputRules.MAX_REASON)),
            entry("charter.class-id-invalid", args(Slugs.MAX_LENGTH)),
            entry("charter.class-name-invalid", args(CharterRules.MAX_CLASS_NAME)),
            entry("charter.max-bonus-invalid", args(CharterRules.MAX_BONUS, CharterRules.POWER_SCALE)),
            entry("charter.max-chain-length-invalid", args(CharterRules.MAX_CHAIN_LENGTH)),
            entry("charter.points-per-vote-invalid", args(CharterRules.MAX_POINTS_PER_VOTE, CharterRules.POWER_SCALE)),
            entry("charter.rate-invalid", args(LedgerInputRules.MAX_RATE, LedgerInputRules.RATE_SCALE)),
            entry("charter.required-evaluations-invalid",
                    args(LedgerInputRules.MIN_REQUIRED_EVALUATIONS, LedgerInputRules.MAX_REQUIRED_EVALUATIONS)),
            entry("charter.too-many-classes", args(CharterRules.MAX_CLASSES)),
            entry("charter.too-many-topics", args(CharterRules.MAX_TOPICS)),
            entry("charter.window-days-invalid", args(CharterRules.MAX_WINDOW_DAYS)),
            entry("comment.text-invalid", args(ProposalInputRules.MAX_COMMENT)),
            entry("contribution.description-invalid", args(LedgerInputRules.MAX_DESCRIPTION)),
            entry("cooperative.name-invalid", args(FoundingInputRules.MAX_NAME)),
            entry("cooperative.too-many-founders", args(FoundingInputRules.MAX_FOUNDERS)),
            entry("dead-letter.reason-invalid", args(DeadLetters.MAX_REASON)),
            entry("evaluation.note-too-long", args(LedgerInputRules.MAX_NOTE)),
            entry("id.invalid", args(Ids.MAX_LENGTH)),
            entry("invitation.count-out-of-range", args(InvitationRules.MAX_PER_REQUEST)),
            entry("invitation.email-invalid", args(InvitationRules.MAX_EMAIL)),
            entry("ledger.project-invalid", args(Slugs.MAX_LENGTH)),
            entry("ledger.too-many-types", args(LedgerInputRules.MAX_CONTRIBUTION_TYPES)),
            entry("page.invalid", args(PageNumber.MAX)),
            entry("proposal.body-invalid", args(ProposalInputRules.MAX_BODY)),
            entry("proposal.option-label-invalid", args(ProposalInputRules.MAX_OPTION_LABEL)),
            entry("proposal.outcome-statement-invalid", args(ProposalInputRules.MAX_OUTCOME_STATEMENT)),
            entry("proposal.title-invalid", args(ProposalInputRules.MAX_TITLE)),
            entry("proposals.search-invalid", args(ProposalListRequest.MAX_SEARCH)),
            entry("receipts.limit-invalid", args(MemberReceiptsPage.MAX_LIMIT)),
            entry("webhook.events-required", args(RegisterWebhook.MAX_KINDS)),
            entry("webhook.url-invalid", args(WebhookUrl.MAX_LENGTH)));

    private RefusalArguments() {
    }

    /** The arguments of {@code refusal.<code>}; none for a sentence without parameters (its quotes stay single). */
    public static Object[] of(String code) {
        return code == null ? NONE : BOUNDS.getOrDefault(code, NONE).clone();
    }

    private static Object[] args(Object... bounds) {
        return bounds;
    }
}
