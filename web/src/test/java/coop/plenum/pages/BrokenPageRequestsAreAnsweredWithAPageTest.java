package coop.plenum.pages;

import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: requests no browser sends on its own (broken encoding, huge bodies, streams of nothing) still get a page, never a 500. */
class BrokenPageRequestsAreAnsweredWithAPageTest extends PageScenario {

    private PageSession page;

    @BeforeEach
    void aliceIsSignedIn() {
        aliceFoundsACooperative();
        page = signedIn(alice);
    }

    @Test
    void aFormWithBrokenPercentEncodingIsRefusedWith400AndNothingStored() {
        long before = eventsInTheLog();
        PageSession.Answer answer = page.postRaw("/cooperatives/{c}/proposals", MediaType.APPLICATION_FORM_URLENCODED,
                "title=Solar%ZZroof&topic=energy&kind=GENERAL", coop);
        assertThat(answer.code()).as("%s", answer).isEqualTo(400);
        isAPlenumPage(answer);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aFormLargerThanAnyPageTakesIsRefusedWithAPageAndNothingStored() {
        long before = eventsInTheLog();
        PageSession.Answer answer = page.postRaw("/cooperatives/{c}/proposals", MediaType.APPLICATION_FORM_URLENCODED,
                "title=Solar&topic=energy&body=" + "x".repeat(400_000), coop);
        assertThat(answer.code()).as("%s", answer).isBetween(400, 499);
        isAPlenumPage(answer);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void theLiveTallyOfAProposalThatIsNotHereIsNotFound() {
        PageSession.Answer answer = page.get(MediaType.TEXT_EVENT_STREAM, "/cooperatives/{c}/proposals/{p}/tally/stream",
                coop, UUID.randomUUID().toString());
        assertThat(answer.code()).as("%s", answer).isEqualTo(404);
    }

    @Test
    void aQueryWithBrokenPercentEncodingIsNoServerError() {
        PageSession.Answer answer = page.get("/cooperatives/{c}/proposals?state=%ZZ", coop);
        assertThat(answer.code()).as("%s", answer).isBetween(400, 499);
    }
}
