package coop.plenum.proposal;

import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.tally.Choice;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proposals on the real stack (command bus, PostgreSQL log, db-scheduler deadlines): the aggregate's collaborators
 * are wired, and a scheduled vote opens and closes by itself. (The HTTP API for proposals comes next.)
 */
class ProposalsOnTheRunningAppTest extends BootedPlenum {

    @Autowired
    CommandGateway commands;

    private String secretaryId;
    private String coop;

    private void foundCooperative() {
        String secretary = unique("psec");
        secretaryId = createAccount(secretary, "Pat Secretary");
        coop = foundCooperative(riverside(secretaryId));
    }

    private void send(Object command, String actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(EventMetadata.ACTOR, actor)));
    }

    private List<String> eventTypes(String proposalId) {
        return jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber",
                String.class, proposalId).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    @Test
    void aSecretaryOpensAndClosesAVoteAndTheOutcomeIsRecorded() {
        foundCooperative();
        String memberId = new Cooperators(http).memberIdOf(secretaryIdUsername(), coop, secretaryId);
        ProposalId proposal = new ProposalId(UUID.randomUUID().toString());
        send(new SubmitProposal(proposal, new CooperativeId(coop), "Solar roof", "Install panels", "energy",
                ProposalKind.GENERAL, null, null, null), secretaryId);
        send(new OpenVoting(proposal), secretaryId);
        send(new CastBallot(proposal, new MemberId(memberId), Choice.YES), secretaryId);
        send(new CloseVoting(proposal), secretaryId);

        assertThat(eventTypes(proposal.value())).containsExactly("ProposalSubmitted", "VotingOpened", "BallotCast", "DelegationsFrozen", "VotingClosed");
        String closed = new String(jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%VotingClosed'", byte[].class, proposal.value()));
        // workers: 1 of 1 voted YES; users: no electorate power, dropped out
        assertThat(closed).contains("\"outcome\":\"ACCEPTED\"", "\"approval\":\"1/1\"");
    }

    @Test
    void aScheduledVoteOpensAndClosesByItselfThroughPersistentDeadlines() throws Exception {
        foundCooperative();
        ProposalId proposal = new ProposalId(UUID.randomUUID().toString());
        Instant opens = Instant.now().plusSeconds(2);
        Instant closes = opens.plusSeconds(2);
        send(new SubmitProposal(proposal, new CooperativeId(coop), "Timed", "", "energy", ProposalKind.GENERAL, null,
                opens, closes), secretaryId);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_data is not null", Long.class))
                .as("the deadlines are stored in PostgreSQL").isGreaterThanOrEqualTo(2);

        // a ceiling, not a wait: the loop ends as soon as the close is in the log
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!eventTypes(proposal.value()).contains("VotingClosed") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(eventTypes(proposal.value())).containsExactly("ProposalSubmitted", "VotingOpened", "DelegationsFrozen", "VotingClosed");
        String opened = new String(jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%VotingOpened'", byte[].class, proposal.value()));
        assertThat(opened).as("opened as of the scheduled instant").contains("\"openedAt\":\"" + opens.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\"");
    }

    private String secretaryIdUsername() {
        return jdbc.queryForObject("select username from plenum_account_login where account_id = ?", String.class, secretaryId);
    }
}
