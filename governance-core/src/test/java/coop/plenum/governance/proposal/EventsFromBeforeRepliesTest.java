package coop.plenum.governance.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.axon.SerializationConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are forever: a comment stored before replies existed reads back, unchanged, as a top-level comment. */
class EventsFromBeforeRepliesTest {

    private final ObjectMapper log = SerializationConfiguration.eventObjectMapper();

    @Test
    void aCommentStoredWithoutReplyToIsATopLevelComment() throws Exception {
        CommentAdded e = log.readValue("""
                {"proposalId":"p-1","commentId":"c-1","memberId":"m-1","text":"Good idea",
                 "commentedAt":"2026-01-01T00:00:00Z"}""", CommentAdded.class);
        assertThat(e.replyTo()).isNull();
        assertThat(e.isReply()).isFalse();
        assertThat(e.text()).isEqualTo("Good idea");
    }

    @Test
    void aReplyKeepsTheCommentItAnswersThroughTheLog() throws Exception {
        CommentAdded reply = new CommentAdded(new coop.plenum.governance.ids.ProposalId("p-1"), "c-2",
                new coop.plenum.governance.ids.MemberId("m-2"), "Yes", java.time.Instant.parse("2026-01-01T00:00:01Z"), "c-1");
        assertThat(log.readValue(log.writeValueAsString(reply), CommentAdded.class)).isEqualTo(reply);
    }
}
