package coop.plenum.web.demo;

import coop.plenum.api.support.Caller;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.account.login.AccountLogins;
import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.cooperative.FoundCooperative;
import coop.plenum.governance.cooperative.FounderSeat;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.charter.VotingPowerMode;
import coop.plenum.governance.charter.VotingPowerRule;
import coop.plenum.governance.delegation.DelegateVote;
import coop.plenum.governance.membership.AdmitMember;
import coop.plenum.governance.membership.ApplyForMembership;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.SetRoles;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.proposal.CommentOnProposal;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.EvaluateContribution;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.MarkBudgetAllocationSpent;
import coop.plenum.ledger.query.BudgetAllocationView;
import coop.plenum.ledger.query.FindBudgetAllocations;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.RevenueId;
import coop.plenum.ledger.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC "Storage and running", the {@code demo} option: a living cooperative for a new user to look around in —
 * three stakeholder classes, eight people (one still applying) and an auditor, contributions accepted, pending and rejected, a
 * revenue shared out, delegations (one chain of two hops), a decided vote, an open one and one in deliberation, a
 * consent decision rejected by an objection (with its reason), an open ranked-choice vote with a few ballots, and a
 * decided budget whose first funded project is already spent.
 * Everything goes through the same commands as real use, acted by the people themselves, so the log, the audit
 * metadata and every read model are genuine. Seeds once: if its first account exists, it does nothing.
 */
@Component
public class DemoCooperative {

    public static final String COOPERATIVE_NAME = "Riverside Energy Co-op";
    /** The demo's auditor: not a member, holds the AUDITOR role, reads the history and verifies it. */
    public static final String AUDITOR = "audra";
    static final List<String[]> PEOPLE = List.of(
            new String[]{"ada", "Ada Okonkwo"}, new String[]{"ben", "Ben Hartley"}, new String[]{"chloe", "Chloe Martin"},
            new String[]{"dev", "Dev Patel"}, new String[]{"emma", "Emma Novak"}, new String[]{"finn", "Finn Larsen"},
            new String[]{"hugo", "Hugo Silva"}, new String[]{"grace", "Grace Ito"}, new String[]{AUDITOR, "Audra Reyes"});
    /** The charter's board: two seats for workers, one for energy users, none for investors. */
    static final Map<String, Integer> BOARD_SEATS = Map.of("workers", 2, "users", 1);
    private static final Logger log = LoggerFactory.getLogger(DemoCooperative.class);

    private final Commands commands;
    private final Queries queries;
    private final AccountLogins logins;
    private final PasswordEncoder passwords;
    private final IdGenerator ids;
    private final Clock clock;

    DemoCooperative(Commands commands, Queries queries, AccountLogins logins, PasswordEncoder passwords, IdGenerator ids,
                    Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.logins = logins;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return false if the demo had been seeded already */
    public boolean seed(String password) {
        if (logins.isTaken(PEOPLE.get(0)[0])) {
            return false;
        }
        Map<String, AccountId> accounts = new LinkedHashMap<>();
        String hash = passwords.encode(password);
        for (String[] person : PEOPLE) {
            AccountId id = new AccountId(ids.newId());
            commands.sendAsSystem(new CreateAccount(id, person[0], person[1], hash, false));
            accounts.put(person[0], id);
        }
        new Seeding(accounts).run();
        log.info("Seeded the demo cooperative '{}': sign in as ada (secretary), ben, chloe, dev, emma, finn or hugo, grace (still applying), or audra (auditor) with the demo password",
                COOPERATIVE_NAME);
        return true;
    }

    /** One seeding run: the people, then what they do, in the order it could have happened. */
    private final class Seeding {
        private final Map<String, AccountId> accounts;
        private final Map<String, MemberId> members = new LinkedHashMap<>();
        private final CooperativeId coop = new CooperativeId(ids.newId());
        private final LedgerId ledger = LedgerId.ofCooperative(coop.value());

        Seeding(Map<String, AccountId> accounts) {
            this.accounts = accounts;
        }

        void run() {
            found();
            membership();
            ledger();
            delegations();
            decidedVote();
            decidedConsent();
            decidedElection();
            decidedBudget();
            decidedSecretVote();
            openVote();
            openRankedVote();
            deliberation();
        }

        private void as(String who, Object command) {
            commands.send(command, new Caller(accounts.get(who), "demo-seed")).block();
        }

        private void found() {
            Charter charter = new Charter(
                    List.of(new StakeholderClass("workers", "Workers", 50, 30), new StakeholderClass("users", "Energy users", 30, 20),
                            new StakeholderClass("investors", "Investors", 20, 0)),
                    List.of("energy", "finance", "community"),
                    new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED),
                    new VotingPowerRule(VotingPowerMode.CONTRIBUTION_WEIGHTED, new BigDecimal("10"), new BigDecimal("2"), 365),
                    new DelegationRule(true, 5),
                    AdmissionPolicy.SECRETARY,
                    new LedgerRule(Map.of("WORK_HOURS", new BigDecimal("1"), "MONEY", new BigDecimal("0.1"),
                            "RESOURCE", new BigDecimal("0.5")), 2),
                    null, BOARD_SEATS);
            commands.sendAsSystem(new FoundCooperative(coop, COOPERATIVE_NAME, charter, List.of(
                    seat("ada", "workers"), seat("ben", "workers"), seat("chloe", "workers"),
                    seat("dev", "users"), seat("emma", "users"), seat("finn", "investors")), accounts.get("ada")));
            refreshMembers();
        }

        private FounderSeat seat(String who, String classId) {
            return new FounderSeat(accounts.get(who), classId);
        }

        private void membership() {
            MemberId hugo = new MemberId(ids.newId());
            as("hugo", new ApplyForMembership(coop, hugo, accounts.get("hugo"), "users"));
            as("ada", new AdmitMember(coop, hugo));
            as("grace", new ApplyForMembership(coop, new MemberId(ids.newId()), accounts.get("grace"), "users"));
            as("ada", new SetRoles(coop, accounts.get(AUDITOR), EnumSet.of(Role.AUDITOR)));
            refreshMembers();
        }

        private void ledger() {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            ContributionId rails = contribution("ben", "solar-roof", "WORK_HOURS", "12", "Mounted the rails on the depot roof", today.minusDays(20));
            evaluate("ada", rails, Verdict.ACCEPT, "Saw it done");
            evaluate("chloe", rails, Verdict.ACCEPT, null);
            ContributionId inverter = contribution("chloe", "solar-roof", "MONEY", "300", "Paid for the inverter", today.minusDays(18));
            evaluate("ada", inverter, Verdict.ACCEPT, "Receipt in the shared folder");
            evaluate("dev", inverter, Verdict.ACCEPT, null);
            ContributionId workshop = contribution("emma", "repair-cafe", "RESOURCE", "20", "Lent the workshop for four Saturdays", today.minusDays(9));
            evaluate("ben", workshop, Verdict.ACCEPT, null);
            evaluate("finn", workshop, Verdict.ACCEPT, null);
            ContributionId duplicate = contribution("hugo", "solar-roof", "WORK_HOURS", "3", "Helped with the rails", today.minusDays(20));
            evaluate("ada", duplicate, Verdict.REJECT, "Already in Ben's entry");
            evaluate("chloe", duplicate, Verdict.REJECT, null);
            ContributionId flyers = contribution("dev", "repair-cafe", "WORK_HOURS", "8", "Designed and printed the flyers", today.minusDays(2));
            evaluate("emma", flyers, Verdict.ACCEPT, null);
            as("ada", new RecordRevenue(ledger, new RevenueId(ids.newId()), "solar-roof", new BigDecimal("1200.00"), "EUR"));
            as("ada", new RecordRevenue(ledger, new RevenueId(ids.newId()), "community-garden", new BigDecimal("150.00"), "EUR"));
        }

        private ContributionId contribution(String who, String project, String type, String quantity, String description, LocalDate on) {
            ContributionId id = new ContributionId(ids.newId());
            as(who, new LogContribution(ledger, id, project, type, new BigDecimal(quantity), description, on));
            return id;
        }

        private void evaluate(String who, ContributionId contribution, Verdict verdict, String note) {
            as(who, new EvaluateContribution(ledger, contribution, verdict, note));
        }

        private void delegations() {
            as("emma", new DelegateVote(coop, member("emma"), "energy", member("dev")));
            as("hugo", new DelegateVote(coop, member("hugo"), Delegations.GLOBAL, member("emma")));
            as("finn", new DelegateVote(coop, member("finn"), Delegations.GLOBAL, member("ada")));
        }

        private void decidedVote() {
            ProposalId battery = propose("ben", "Install a community battery",
                    "A 200 kWh battery next to the depot stores the roof's midday surplus for the evening peak. "
                            + "Financed from the solar-roof revenue and a member loan.", "energy");
            String question = ids.newId();
            as("dev", new CommentOnProposal(battery, question, "Who maintains it? I'd like the **maintenance costs** in the plan."));
            as("ben", new CommentOnProposal(battery, ids.newId(), "The supplier's contract includes ten years of maintenance.",
                    question));
            as("ada", new OpenVoting(battery));
            vote("ada", battery, Choice.YES);
            vote("ben", battery, Choice.YES);
            vote("chloe", battery, Choice.ABSTAIN);
            vote("dev", battery, Choice.NO);       // emma (energy) and hugo (via emma) follow dev
            as("ada", new CloseVoting(battery));
        }

        private void openVote() {
            ProposalId federation = propose("chloe", "Join the regional energy federation",
                    "Membership costs 400 EUR a year and gives us a seat in the grid negotiations.", "finance");
            as("ada", new OpenVoting(federation));
            vote("ada", federation, Choice.YES);   // finn delegates to ada for every topic
            vote("emma", federation, Choice.NO);
        }

        /** Consent, where one objection with its reason blocks: dev's, while everyone else consents or stands aside. */
        private void decidedConsent() {
            ProposalId assemblies = propose("ada", "General assemblies every two months", "community",
                    "Meet every two months instead of every month; working groups report in writing in between.",
                    VoteMethod.CONSENT, null);
            as("ada", new OpenVoting(assemblies));
            consent("ada", assemblies, ConsentChoice.CONSENT, null);
            consent("ben", assemblies, ConsentChoice.CONSENT, null);
            consent("chloe", assemblies, ConsentChoice.STAND_ASIDE, "Fine by me, though I would rather try it for a year first.");
            consent("dev", assemblies, ConsentChoice.OBJECT,
                    "Two months is too long between assemblies while the battery is being installed: keep meeting monthly until it runs.");
            consent("emma", assemblies, ConsentChoice.CONSENT, null);   // hugo follows emma; finn follows ada
            as("ada", new CloseVoting(assemblies));
        }

        /**
         * A participatory budget of 12,000 EUR over five community projects, decided by the Method of Equal Shares:
         * each class's share of the budget goes to the projects its members approve (hugo follows emma, finn follows
         * ada), and the page shows greedy's choice beside it.
         */
        private void decidedBudget() {
            ProposalId budget = new ProposalId(ids.newId());
            as("chloe", new SubmitProposal(budget, coop, "Community projects budget 2027",
                    "12,000 EUR from last year's surplus. Tick every project you would fund; each member's share of the "
                            + "budget goes only to projects they tick.", "community", ProposalKind.GENERAL, null, null, null,
                    VoteMethod.BUDGET, List.of(
                            new ProposalOption("insulation", "Insulate the workshop", new BigDecimal("7000")),
                            new ProposalOption("cargo-bike", "A cargo bike for deliveries", new BigDecimal("2500")),
                            new ProposalOption("repair-corner", "A bike repair corner", new BigDecimal("1200")),
                            new ProposalOption("garden", "Garden beds at the depot", new BigDecimal("3000")),
                            new ProposalOption("open-day", "An open day with the school", new BigDecimal("800"))),
                    null, null, new coop.plenum.governance.budget.ProposalBudget(new BigDecimal("12000"), "EUR")));
            as("ada", new OpenVoting(budget));
            approve("ada", budget, "insulation", "open-day");
            approve("ben", budget, "insulation", "repair-corner");
            approve("chloe", budget, "garden", "open-day");
            approve("dev", budget, "cargo-bike", "repair-corner");
            approve("emma", budget, "cargo-bike", "garden");
            as("ada", new CloseVoting(budget));
            firstLineSpent(budget);
        }

        /**
         * Ada, the secretary, records what the budget's first funded project spent (a little under its allocation), so
         * the ledger shows a spent line beside lines still to be spent. The ledger learns of the budget through its
         * policy and projects it asynchronously: wait (bounded) for the allocation; a budget with one line stays open.
         */
        private void firstLineSpent(ProposalId budget) {
            BudgetAllocationView decided = null;
            for (long deadline = System.nanoTime() + 20_000_000_000L; decided == null && System.nanoTime() < deadline; ) {
                decided = queries.many(new FindBudgetAllocations(ledger), BudgetAllocationView.class).block().stream()
                        .filter(a -> a.decidedBy().equals(budget.value())).findFirst().orElse(null);
                if (decided == null) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                }
            }
            if (decided == null || decided.lines().size() < 2) {
                log.warn("Demo: the budget's allocation was not recorded in time, or funds one project: no line marked spent");
                return;
            }
            BudgetAllocationView.Line first = decided.lines().get(0);
            as("ada", new MarkBudgetAllocationSpent(ledger, budget.value(), first.project(),
                    first.amount().subtract(new BigDecimal("150")).max(BigDecimal.ZERO),
                    "Invoice 2027-014, paid from the community projects budget"));
        }

        /**
         * A decided secret vote (docs/secret-ballots.md): ballots sealed until close, then revealed without their
         * members; no delegation (hugo and finn, who delegate elsewhere, vote here themselves). Each voter's receipt secret is
         * "demo-receipt-of-" and their name, so a demo visitor can check theirs on the page.
         */
        private void decidedSecretVote() {
            ProposalId renewal = new ProposalId(ids.newId());
            as("ben", new SubmitProposal(renewal, coop, "Renew the site coordinator's contract",
                    "The coordinator's two-year contract ends in March. A vote about a person: by secret ballot.",
                    "community", ProposalKind.GENERAL, null, null, null, null, null, null, null, null,
                    Secrecy.SECRET));
            as("ada", new OpenVoting(renewal));
            secretVote("ada", renewal, Choice.YES);
            secretVote("ben", renewal, Choice.YES);
            secretVote("chloe", renewal, Choice.NO);
            secretVote("dev", renewal, Choice.YES);
            secretVote("emma", renewal, Choice.ABSTAIN);
            secretVote("finn", renewal, Choice.YES);
            secretVote("hugo", renewal, Choice.NO);
            as("ada", new CloseVoting(renewal));
        }

        private void secretVote(String who, ProposalId proposal, Choice choice) {
            String tag = ReceiptTags.tag(proposal, "demo-receipt-of-" + who);
            as(who, new CastBallot(proposal, member(who), choice, null, null, null, null, null, tag));
        }

        private void approve(String who, ProposalId proposal, String... projects) {
            as(who, new CastBallot(proposal, member(who), null, List.of(projects), null, null));
        }

        /** Ranked choice between four places for the second solar array, open, with four ballots (ties and blanks too). */
        private void openRankedVote() {
            ProposalId array = propose("ben", "Where should the second solar array go?", "energy",
                    "Four sites are possible this year. Rank them: the Schulze winner goes to the next assembly with a budget.",
                    VoteMethod.RANKED, List.of(new ProposalOption("school-roof", "School gym roof"),
                            new ProposalOption("allotments", "Allotment sheds"), new ProposalOption("car-park", "Car park canopy"),
                            new ProposalOption("wait", "Wait a year")));
            as("ada", new OpenVoting(array));
            rank("ada", array, null, List.of("car-park"), List.of("school-roof"), List.of("allotments"));
            rank("ben", array, "The school asked us first, and the roof faces south.", List.of("school-roof"), List.of("car-park"));
            rank("dev", array, null, List.of("school-roof", "car-park"), List.of("wait"));   // emma and hugo follow dev on energy
            rank("chloe", array, null, List.of("allotments"), List.of("school-roof"), List.of("car-park"), List.of("wait"));
        }

        /**
         * A decided board election for the charter's seats, two workers' and one users'; members stand or are
         * nominated and accept, each class ranks its own candidates, and Meek STV elects per class.
         */
        private void decidedElection() {
            ProposalId board = new ProposalId(ids.newId());
            // no seats of its own: the election takes the charter's
            as("ada", new SubmitProposal(board, coop, "Board for 2027", "Two seats for workers and one for energy users, "
                    + "as the charter gives; each class ranks its own candidates.", "community", ProposalKind.GENERAL,
                    null, null, null, VoteMethod.ELECTION, null, null, null, null));
            as("ada", new coop.plenum.governance.proposal.NominateCandidate(board, member("ada")));
            as("chloe", new coop.plenum.governance.proposal.NominateCandidate(board, member("ben")));
            as("ben", new coop.plenum.governance.proposal.AcceptNomination(board, member("ben")));
            as("chloe", new coop.plenum.governance.proposal.NominateCandidate(board, member("chloe")));
            as("dev", new coop.plenum.governance.proposal.NominateCandidate(board, member("dev")));
            as("hugo", new coop.plenum.governance.proposal.NominateCandidate(board, member("emma")));
            as("emma", new coop.plenum.governance.proposal.AcceptNomination(board, member("emma")));
            as("ada", new OpenVoting(board));
            rank("ada", board, null, List.of(member("ada").value()), List.of(member("ben").value()));
            // ben puts chloe first: she is elected in round 1 and her surplus elects ben in round 2, so the demo's
            // rounds table shows a transfer and a keep value falling below 1
            rank("ben", board, "Chloe first, she knows the accounts; then me.", List.of(member("chloe").value()),
                    List.of(member("ben").value()));
            rank("chloe", board, null, List.of(member("chloe").value()), List.of(member("ben").value()));
            rank("dev", board, null, List.of(member("dev").value()));
            rank("emma", board, "Happy to serve, and Dev next.", List.of(member("emma").value()), List.of(member("dev").value()));
            rank("hugo", board, null, List.of(member("dev").value()), List.of(member("emma").value()));
            as("ada", new CloseVoting(board));
        }

        private void consent(String who, ProposalId proposal, ConsentChoice choice, String reason) {
            as(who, new CastBallot(proposal, member(who), null, null, null, reason, choice, null));
        }

        @SafeVarargs
        private void rank(String who, ProposalId proposal, String reason, List<String>... ranking) {
            as(who, new CastBallot(proposal, member(who), null, null, null, reason, null, List.of(ranking)));
        }

        private ProposalId propose(String who, String title, String topic, String body, VoteMethod method, List<ProposalOption> options) {
            ProposalId id = new ProposalId(ids.newId());
            as(who, new SubmitProposal(id, coop, title, body, topic, ProposalKind.GENERAL, null, null, null, method, options));
            return id;
        }

        private void deliberation() {
            ProposalId cafe = propose("emma", "A monthly repair café",
                    "First Saturday of each month in the workshop: bring what is broken, leave with it mended.", "community");
            as("ben", new CommentOnProposal(cafe, ids.newId(), "Count me in for bicycles."));
        }

        private ProposalId propose(String who, String title, String body, String topic) {
            ProposalId id = new ProposalId(ids.newId());
            as(who, new SubmitProposal(id, coop, title, body, topic, ProposalKind.GENERAL, null, null, null));
            return id;
        }

        private void vote(String who, ProposalId proposal, Choice choice) {
            as(who, new CastBallot(proposal, member(who), choice));
        }

        private MemberId member(String who) {
            return members.get(who);
        }

        private void refreshMembers() {
            List<MemberView> found = queries.many(new FindMembers(coop), MemberView.class).block();
            Map<AccountId, String> byAccount = new LinkedHashMap<>();
            accounts.forEach((name, id) -> byAccount.put(id, name));
            for (MemberView m : found) {
                members.put(byAccount.get(m.accountId()), m.memberId());
            }
        }
    }
}
