package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.budget.ProposalBudget;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.secret.InMemorySecretBallotKeys;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One vote of each method, held through the Proposal aggregate's own commands by four members in two classes (alice
 * and dave: workers; bob and erin: users), with a recast and a retraction, then closed: once OPEN and once SECRET with
 * the very same ballots, so that what a secret close records can be compared with the open count. Shared by the
 * aggregate's tests and the auditor's re-count tests.
 */
public final class VotesOfEveryMethod {

    public static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    public static final ProposalId P = new ProposalId("p-1");
    static final CooperativeId COOP = new CooperativeId("coop-1");
    static final AccountId ALICE = new AccountId("acc-alice");   // the secretary
    static final AccountId BOB = new AccountId("acc-bob");
    static final AccountId DAVE = new AccountId("acc-dave");
    static final AccountId ERIN = new AccountId("acc-erin");
    public static final MemberId ALICE_M = new MemberId("m-alice");
    public static final MemberId BOB_M = new MemberId("m-bob");
    public static final MemberId DAVE_M = new MemberId("m-dave");
    public static final MemberId ERIN_M = new MemberId("m-erin");
    static final BigDecimal ONE = new BigDecimal("1.000000");
    static final Map<MemberId, AccountId> ACCOUNTS = Map.of(ALICE_M, ALICE, BOB_M, BOB, DAVE_M, DAVE, ERIN_M, ERIN);
    static final Map<MemberId, String> CLASSES = Map.of(ALICE_M, "workers", DAVE_M, "workers", BOB_M, "users", ERIN_M, "users");

    /** The methods a secret vote may have (all but ELECTION) beyond YES_NO, which SecretBallotProposalTest covers. */
    public static final List<VoteMethod> SECRET_METHODS = List.of(VoteMethod.CONSENT, VoteMethod.APPROVAL, VoteMethod.SCORE,
            VoteMethod.RANKED, VoteMethod.BUDGET);

    /** A member's ballot, or their retraction ({@code ballot} null). */
    public record Step(MemberId member, CastBallot ballot) {
    }

    /** A held vote: the events up to the close, and those the close applied. */
    public record Held(List<Object> history, List<Object> closing) {

        public List<Object> all() {
            List<Object> all = new ArrayList<>(history);
            all.addAll(closing);
            return all;
        }
    }

    private VotesOfEveryMethod() {
    }

    static List<ProposalOption> options(VoteMethod method) {
        return switch (method) {
            case APPROVAL, SCORE, RANKED -> List.of(new ProposalOption("bakery", "A bakery"), new ProposalOption("cafe", "A cafe"),
                    new ProposalOption("garden", "A garden"));
            case BUDGET -> List.of(new ProposalOption("garden", "A community garden", new BigDecimal("60")),
                    new ProposalOption("bikes", "Cargo bikes", new BigDecimal("40")),
                    new ProposalOption("roof", "A new roof", new BigDecimal("90")));
            default -> null;
        };
    }

    static SubmitProposal submit(VoteMethod method, Secrecy secrecy) {
        return new SubmitProposal(P, COOP, "Spend the surplus", "", "energy", ProposalKind.GENERAL, null, null, null, method,
                options(method), null, null, method == VoteMethod.BUDGET ? new ProposalBudget(new BigDecimal("100"), "EUR") : null,
                secrecy);
    }

    private static CastBallot consent(MemberId m, ConsentChoice choice, String reason) {
        return new CastBallot(P, m, null, null, null, reason, choice, null);
    }

    private static CastBallot approve(MemberId m, String... ids) {
        return new CastBallot(P, m, null, List.of(ids), null, null, null, null);
    }

    private static CastBallot scores(MemberId m, Map<String, Integer> scores) {
        return new CastBallot(P, m, null, null, scores, null, null, null);
    }

    private static CastBallot ranking(MemberId m, List<List<String>> ranking) {
        return new CastBallot(P, m, null, null, null, null, null, ranking);
    }

    private static Step cast(CastBallot ballot) {
        return new Step(ballot.memberId(), ballot);
    }

    private static Step retract(MemberId member) {
        return new Step(member, null);
    }

    /**
     * The ballots of each method's vote, in the order cast: dave recasts (his first ballot must not count), erin votes
     * and retracts (hers must not count), and the result depends on the classes' weights.
     */
    public static List<Step> script(VoteMethod method) {
        return switch (method) {
            case CONSENT -> List.of(
                    cast(consent(ALICE_M, ConsentChoice.CONSENT, null)),
                    cast(consent(DAVE_M, ConsentChoice.OBJECT, "The oven is not safe yet")),
                    cast(consent(BOB_M, ConsentChoice.OBJECT, "It blocks the fire exit")),
                    cast(consent(ERIN_M, ConsentChoice.STAND_ASIDE, null)),
                    cast(consent(DAVE_M, ConsentChoice.STAND_ASIDE, null)),
                    retract(ERIN_M));
            case APPROVAL -> List.of(
                    cast(approve(ALICE_M, "bakery", "cafe")),
                    cast(approve(DAVE_M, "garden")),
                    cast(approve(BOB_M)),   // takes part approving nothing: counted in the participation
                    cast(approve(ERIN_M, "garden", "bakery")),
                    cast(approve(DAVE_M, "bakery")),
                    retract(ERIN_M));
            case SCORE -> List.of(
                    cast(scores(ALICE_M, Map.of("bakery", 5, "cafe", 2, "garden", 0))),
                    cast(scores(DAVE_M, Map.of("garden", 5))),
                    cast(scores(BOB_M, Map.of("cafe", 5, "garden", 4))),
                    cast(scores(ERIN_M, Map.of("garden", 5))),
                    cast(scores(DAVE_M, Map.of("bakery", 3, "cafe", 1))),
                    retract(ERIN_M));
            case RANKED -> List.of(
                    cast(ranking(ALICE_M, List.of(List.of("bakery"), List.of("cafe"), List.of("garden")))),
                    cast(ranking(DAVE_M, List.of(List.of("garden")))),
                    cast(ranking(BOB_M, List.of(List.of("cafe", "garden"), List.of("bakery")))),
                    cast(ranking(ERIN_M, List.of(List.of("garden"), List.of("cafe")))),
                    cast(ranking(DAVE_M, List.of(List.of("cafe"), List.of("bakery")))),
                    retract(ERIN_M));
            case BUDGET -> List.of(
                    cast(approve(ALICE_M, "garden", "bikes")),
                    cast(approve(DAVE_M, "roof")),
                    cast(approve(BOB_M, "bikes")),
                    cast(approve(ERIN_M, "roof")),
                    cast(approve(DAVE_M, "garden")),
                    retract(ERIN_M));
            default -> throw new IllegalArgumentException("no script for " + method);
        };
    }

    /** The receipt tag of the n-th step of a secret vote: each cast brings a receipt secret of its own. */
    public static String tagOf(int step) {
        return ReceiptTags.tag(P, "receipt-secret-of-step-" + step + "-0123456789");
    }

    /**
     * What the close of the secret vote must reveal: each member's last standing ballot, without the member, with
     * their class and power, in tag order.
     */
    public static List<RevealedBallot> expectedRevealed(VoteMethod method) {
        Map<MemberId, RevealedBallot> last = new LinkedHashMap<>();
        List<Step> steps = script(method);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.ballot() == null) {
                last.remove(step.member());
                continue;
            }
            CastBallot b = step.ballot();
            last.put(step.member(), new RevealedBallot(tagOf(i), CLASSES.get(step.member()), ONE, b.choice(), b.approve(),
                    b.scores(), b.consent(), b.reason(), b.ranking()));
        }
        List<RevealedBallot> revealed = new ArrayList<>(last.values());
        revealed.sort(Comparator.comparing(RevealedBallot::tag));
        return revealed;
    }

    /** A fixture on the four members' cooperative, with its own keys. */
    static AggregateTestFixture<Proposal> fixture() {
        ProposalTest.FakeCooperative coop = new ProposalTest.FakeCooperative();
        coop.electorate = List.of(new Elector(ALICE_M, ALICE, "workers"), new Elector(BOB_M, BOB, "users"),
                new Elector(DAVE_M, DAVE, "workers"), new Elector(ERIN_M, ERIN, "users"));
        AggregateTestFixture<Proposal> fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((CooperativeFactsSource) id -> coop);
        fixture.registerInjectableResource((AcceptedPoints) (c, m, asOf, from) -> BigDecimal.ZERO);
        fixture.registerInjectableResource(new InMemorySecretBallotKeys());
        return fixture;
    }

    /** The events of submitting and opening the method's vote on this fixture. */
    static List<Object> opened(AggregateTestFixture<Proposal> fixture, VoteMethod method, Secrecy secrecy) {
        List<Object> history = new ArrayList<>(run(fixture, List.of(), submit(method, secrecy), BOB));
        history.addAll(run(fixture, history, new OpenVoting(P), ALICE));
        return history;
    }

    /** Submits, opens, casts the method's script (sealed when SECRET) and closes, each by its command. */
    public static Held hold(VoteMethod method, Secrecy secrecy) {
        AggregateTestFixture<Proposal> fixture = fixture();
        List<Object> history = opened(fixture, method, secrecy);
        List<Step> steps = script(method);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            AccountId actor = ACCOUNTS.get(step.member());
            if (step.ballot() == null) {
                history.addAll(run(fixture, history, new RetractBallot(P, step.member()), actor));
                continue;
            }
            CastBallot b = step.ballot();
            CastBallot sent = secrecy == Secrecy.SECRET ? new CastBallot(P, b.memberId(), b.choice(), b.approve(), b.scores(),
                    b.reason(), b.consent(), b.ranking(), tagOf(i)) : b;
            history.addAll(run(fixture, history, sent, actor));
        }
        return new Held(history, run(fixture, history, new CloseVoting(P), ALICE));
    }

    private static List<Object> run(AggregateTestFixture<Proposal> fixture, List<Object> given, Object command, AccountId actor) {
        AppliedEvents applied = new AppliedEvents();
        (given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(given))
                .when(command, Map.of("actor", actor.value()))
                .expectSuccessfulHandlerExecution().expectEventsMatching(applied);
        return applied.payloads;
    }

}
