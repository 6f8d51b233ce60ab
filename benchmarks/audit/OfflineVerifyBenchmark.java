import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.Ed25519;
import coop.plenum.governance.audit.HashChain;
import coop.plenum.governance.audit.MerkleFrontier;
import coop.plenum.governance.audit.MerkleTree;
import coop.plenum.governance.audit.StoredEvent;
import coop.plenum.governance.audit.chain.AuditExport;
import coop.plenum.governance.audit.offline.ExportVerifier;
import coop.plenum.governance.axon.SerializationConfiguration;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.voting.Voter;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Offline verification of an audit export (issue 11 target: ≥ 50,000 events/s including re-tallies). Writes a
 * synthetic export of one cooperative, by default 1,000,000 events: 100 votes of 1,000 electors in two classes,
 * each elector casting ~10 ballots (recasts), every vote closed with the outcome its ballots give, a checkpoint
 * signed every 100 events; then times ExportVerifier over the file (median of 3 after one warm-up) and checks it
 * reports every decision matching. Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -o -pl governance-core -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp governance-core/target/classes:$(cat governance-core/target/cp.txt) benchmarks/audit/OfflineVerifyBenchmark.java [events]
 * </pre>
 */
public class OfflineVerifyBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("plenum-export-", ".ndjson");
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long written = write(file, events, key);
        System.out.printf("export: %,d events in %,d bytes (%s)%n", written, Files.size(file), file);
        byte[] publicKey = Ed25519.raw(key.getPublic());
        double[] seconds = new double[4];
        ExportVerifier.Report report = null;
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = new ExportVerifier(publicKey).verify(reader, n -> { });
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.2f s, %,.0f events/s%s%n", run, seconds[run], written / seconds[run], run == 0 ? " (warm-up)" : "");
        }
        double[] counted = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(counted);
        double median = counted[counted.length / 2];
        System.out.printf("%nmedian %.2f s = %,.0f events/s; ok=%s, checkpoints %,d, decisions %d (matching %d)%n", median,
                written / median, report.ok(), report.checkpointsChecked(), report.decisions().size(), report.decisionsMatching());
        Files.delete(file);
        if (!report.ok()) {
            throw new IllegalStateException("the synthetic export did not verify: " + report.problem());
        }
    }

    private static long write(Path file, int target, KeyPair key) throws Exception {
        ObjectMapper json = SerializationConfiguration.eventObjectMapper();
        Random random = new Random(42);
        String cooperative = "bench-coop";
        List<StakeholderClass> classes = List.of(new StakeholderClass("workers", "Workers", 60, 10),
                new StakeholderClass("users", "Users", 40, 10));
        int votes = 100;
        int electors = 1000;
        int ballotsPerVote = Math.max(1, target / votes - 2);
        HashChain chain = new HashChain();
        MerkleFrontier frontier = new MerkleFrontier();
        long position = 0;
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        byte[] metadata = "{\"actor\":\"bench\",\"correlationId\":\"c\"}".getBytes(StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"kind\":\"header\",\"format\":\"plenum-audit-export-v1\",\"cooperativeId\":\"" + cooperative
                    + "\",\"exportedAt\":\"" + time + "\",\"signatureAlgorithm\":\"Ed25519\",\"publicKey\":\""
                    + Base64.getEncoder().encodeToString(Ed25519.raw(key.getPublic())) + "\",\"keyId\":\"bench\"}\n");
            for (int v = 0; v < votes; v++) {
                ProposalId proposal = new ProposalId("proposal-" + v);
                List<ElectorateMember> electorate = new ArrayList<>();
                for (int m = 0; m < electors; m++) {
                    electorate.add(new ElectorateMember(new MemberId("m-" + m), new AccountId("a-" + m), m % 3 == 0 ? "users" : "workers",
                            new BigDecimal("1.000000")));
                }
                DecisionRule rule = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
                List<Object> payloads = new ArrayList<>();
                payloads.add(new VotingOpened(proposal, new CooperativeId(cooperative), "general", time, classes, rule,
                        new DelegationRule(false, 0), electorate));
                Map<MemberId, Choice> last = new HashMap<>();
                for (int b = 0; b < ballotsPerVote; b++) {
                    MemberId member = new MemberId("m-" + random.nextInt(electors));
                    Choice choice = Choice.values()[random.nextInt(3)];
                    last.put(member, choice);
                    payloads.add(new BallotCast(proposal, member, choice, time));
                }
                Electorate frozen = new Electorate(classes, rule, electorate.stream()
                        .map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList());
                Tally tally = YesNo.count(frozen, Map.of(), 0, Map.copyOf(last)).result();
                payloads.add(new VotingClosed(proposal, time, tally.outcome(), tally.approval() == null ? null : tally.approval().toString()));
                long sequence = 0;
                for (Object payload : payloads) {
                    position++;
                    StoredEvent event = new StoredEvent(position, "e-" + position, "Proposal", proposal.value(), sequence++,
                            payload.getClass().getName(), null, time.toString(), metadata, json.writeValueAsBytes(payload));
                    byte[] hash = event.hash();
                    long index = chain.length();
                    byte[] link = chain.append(hash);
                    frontier.append(MerkleTree.leafHash(hash));
                    out.write(AuditExport.eventLine(index, event, hash, java.util.HexFormat.of().formatHex(link)));
                    out.write('\n');
                    if (chain.length() % 100 == 0) {
                        Checkpoint unsigned = new Checkpoint(cooperative, chain.length(), position, chain.head(), frontier.root(), time, "bench", null);
                        Checkpoint signed = new Checkpoint(cooperative, chain.length(), position, chain.head(), frontier.root(), time, "bench",
                                Ed25519.sign(key.getPrivate(), unsigned.statement()));
                        out.write(AuditExport.checkpointLine(signed));
                        out.write('\n');
                    }
                }
            }
            out.write("{\"kind\":\"trailer\",\"cooperativeId\":\"" + cooperative + "\",\"events\":" + chain.length()
                    + ",\"chainHead\":\"" + java.util.HexFormat.of().formatHex(chain.head()) + "\"}\n");
        }
        return chain.length();
    }
}
