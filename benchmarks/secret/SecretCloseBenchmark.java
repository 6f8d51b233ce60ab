import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.SecretBallotsRevealed;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.proposal.secret.SealedBallots;
import coop.plenum.governance.proposal.secret.SecretBallotBody;
import coop.plenum.governance.proposal.secret.SecretCount;
import coop.plenum.governance.proposal.secret.SecretReveal;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Closing a secret vote (issue 15: 100,000 ballots ≤ 5 s), the steps the Proposal aggregate runs at close, no server:
 * open every member's last sealed ballot with the vote's key, sort the anonymous ballots by tag, cut them into
 * SecretBallotsRevealed pages, and count them (SecretCount + the YES_NO count). Sealing the ballots (what the casts
 * did while the vote was open) is set up first and timed apart. Prints the cold run, the median of the further runs,
 * the thread's CPU time, and the load average.
 *
 *   java -cp governance-core/target/classes:ledger/target/classes:JACKSON_JARS benchmarks/secret/SecretCloseBenchmark.java
 *        [--voters N] [--runs N] [--seed N]      (the command with the jars: benchmarks/README.md)
 */
public class SecretCloseBenchmark {

    public static void main(String[] args) {
        int voters = 100_000;
        int runs = 5;
        long seed = 15;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--voters" -> voters = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random random = new Random(seed);
        SecureRandom secure = new SecureRandom();
        ProposalId proposal = new ProposalId("bench-secret");
        List<StakeholderClass> classes = List.of(new StakeholderClass("workers", "Workers", 50, 20),
                new StakeholderClass("users", "Users", 30, 20), new StakeholderClass("investors", "Investors", 20, 20));
        DecisionRule decision = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
        BigDecimal[] powers = {new BigDecimal("1.000000"), new BigDecimal("1.500000"), new BigDecimal("2.250000")};
        Map<MemberId, ElectorateMember> electorate = new LinkedHashMap<>();
        for (int i = 0; i < voters; i++) {
            MemberId m = new MemberId("member-" + i);
            electorate.put(m, new ElectorateMember(m, new AccountId("account-" + i), classes.get(i % 3).id(), powers[random.nextInt(3)]));
        }
        byte[] key = SealedBallots.newKey(secure);
        int padded = SealedBallots.paddedLength(VoteMethod.YES_NO, List.of());
        Choice[] choices = Choice.values();
        long sealStart = System.nanoTime();
        Map<MemberId, String> sealed = new LinkedHashMap<>();
        for (MemberId m : electorate.keySet()) {
            String tag = ReceiptTags.tag(proposal, ReceiptTags.newSecret(secure));
            sealed.put(m, SealedBallots.seal(key, proposal, m, padded,
                    new SecretBallotBody(tag, choices[random.nextInt(3)], null, null, null, null, null), secure));
        }
        long sealMs = (System.nanoTime() - sealStart) / 1_000_000;
        System.out.printf("sealing %,d ballots (the casts, spread over the vote): %,d ms; one sealed ballot is %d characters%n",
                voters, sealMs, sealed.values().iterator().next().length());

        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        var threads = ManagementFactory.getThreadMXBean();
        String outcome = "";
        int pages = 0;
        for (int run = 0; run < runs; run++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<RevealedBallot> revealed = SecretReveal.reveal(key, proposal, sealed, electorate);
            List<SecretBallotsRevealed> events = SecretReveal.pages(proposal, revealed);
            SecretCount.CountInput counted = SecretCount.of(proposal, classes, decision, electorate.values(), sealed.keySet(), revealed);
            Tally tally = YesNo.count(counted.electorate(), Map.of(), 0, counted.choices()).result();
            wall.add((System.nanoTime() - t0) / 1_000_000);
            cpu.add((threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
            outcome = tally.outcome() + " " + tally.approval();
            pages = events.size();
        }
        List<Long> warmWall = new ArrayList<>(wall.subList(1, wall.size()));
        List<Long> warmCpu = new ArrayList<>(cpu.subList(1, cpu.size()));
        warmWall.sort(null);
        warmCpu.sort(null);
        System.out.printf("close of %,d ballots (open, sort by tag, %d pages, count): cold %,d ms wall / %,d ms CPU; "
                        + "warm median %,d ms wall / %,d ms CPU (%d runs); outcome %s%n", voters, pages, wall.get(0), cpu.get(0),
                warmWall.isEmpty() ? 0 : warmWall.get(warmWall.size() / 2), warmCpu.isEmpty() ? 0 : warmCpu.get(warmCpu.size() / 2),
                runs - 1, outcome);
        System.out.printf("load average: %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
