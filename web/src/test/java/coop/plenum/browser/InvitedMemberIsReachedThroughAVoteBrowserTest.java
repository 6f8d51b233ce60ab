package coop.plenum.browser;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import coop.plenum.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Done when", end to end in headless Chromium: a secretary invites an email address; the invitation arrives
 * in GreenMail; its link creates the account; a vote opens and the new member gets an email and an inbox entry at the
 * address they were invited at; after their delegate votes they are told how their power was counted, with a link to
 * vote themselves instead; the secretary's "remind those who haven't voted" reaches only the members not counted.
 */
class InvitedMemberIsReachedThroughAVoteBrowserTest extends BrowserTest {

    @Test
    void anInvitedMemberIsToldOfTheVoteAndOfTheirDelegatesBallotAndTheReminderSkipsThoseCounted() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String coop = foundCooperative(riverside(createAccount(alice, "Alice Secretary")));
        String bob = unique("bob");
        createAccount(bob, "Bob Delegate");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        String carol = unique("carol");
        createAccount(carol, "Carol Member");
        steps.command(alice, coop, steps.apply(coop, carol, "users"), "admission");
        String bobMail = bob + "@example.coop";
        String carolMail = carol + "@example.coop";
        accountAddress(bob, bobMail);
        accountAddress(carol, carolMail);

        // the secretary invites nina's address on the invitations page
        String ninaMail = unique("nina") + "@example.coop";
        signIn(alice);
        browser.get(page("/cooperatives/" + coop + "/invitations"));
        browser.findElement(By.id("people")).sendKeys(ninaMail);
        new Select(browser.findElement(By.id("classId"))).selectByValue("users");
        browser.findElement(By.id("send-invitations")).click();
        assertThat(browser.findElement(By.id("sent")).getText()).contains(ninaMail, "emailed");
        browser.findElement(By.id("sign-out")).click();

        // the invitation arrives; its link creates nina's account, a member at once
        MimeMessage invitation = mail(ninaMail, "Invitation to join");
        browser.get(page(TestMail.linkPath(invitation, "/invitations/")));
        String nina = unique("nina");
        browser.findElement(By.id("username")).sendKeys(nina);
        browser.findElement(By.id("displayName")).sendKeys("Nina Newcomer");
        browser.findElement(By.id("password")).sendKeys(nina + "-password");
        browser.findElement(By.id("create-and-join")).click();
        assertThat(notice()).contains("joined through your invitation");

        // nina lets bob vote for her on energy
        browser.get(page("/cooperatives/" + coop + "/delegations"));
        browser.findElement(By.cssSelector("[data-for='delegate-energy']")).sendKeys("Bob");
        new Select(browser.findElement(By.id("delegate-energy"))).selectByVisibleText("Bob Delegate");
        browser.findElement(By.id("delegate-button-energy")).click();
        assertThat(notice()).isEqualTo("Delegated.");
        http.post().uri("/api/v1/notifications/read").headers(as(nina)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"all\":true}").exchange().expectStatus().isNoContent();

        // a vote opens: nina gets an email at the address she was invited at, and an inbox entry
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar <roof>\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        String proposalPath = "/cooperatives/" + coop + "/proposals/" + proposal;
        MimeMessage opened = mail(ninaMail, "Vote open: Solar <roof>");
        assertThat(TestMail.body(opened)).contains(TestMail.PUBLIC_URL + proposalPath);
        browser.get(page("/"));
        assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("1");
        browser.findElement(By.id("inbox-link")).click();
        List<WebElement> unread = browser.findElements(By.cssSelector("#notifications li[data-read='false']"));
        assertThat(unread).hasSize(1);
        assertThat(unread.get(0).getAttribute("data-kind")).isEqualTo("VOTE_OPENED");

        // bob votes: nina is told whose ballot carries her power, how, and that she may still vote herself
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, bobMember).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        MimeMessage delegateVoted = mail(ninaMail, "Your delegate voted: Solar <roof>");
        assertThat(plainText(delegateVoted))
                .contains("Bob Delegate voted on “Solar <roof>” (YES). Your voting power of 1 is counted with their ballot")
                .contains("You can still vote yourself")
                .contains(TestMail.PUBLIC_URL + proposalPath);
        browser.navigate().refresh();
        WebElement told = browser.findElements(By.cssSelector("#notifications li")).get(0);
        assertThat(told.getAttribute("data-kind")).isEqualTo("DELEGATE_VOTED");
        assertThat(told.getText()).contains("Your voting power of 1 is counted with their ballot");
        told.findElement(By.tagName("a")).click();
        // the link lands where she can override: her power counted with bob's ballot, and her own ballot to cast
        assertThat(browser.getCurrentUrl()).endsWith(proposalPath);
        assertThat(browser.findElement(By.id("my-provenance")).getAttribute("data-kind")).isEqualTo("DELEGATED");
        assertThat(browser.findElement(By.id("my-provenance")).getText()).contains("Bob Delegate");
        HeadlessChromium.screenshot(browser, "delegate-voted-override");
        browser.findElement(By.id("sign-out")).click();

        // the secretary reminds those who have not voted: alice and carol; not bob (voted), not nina (counted)
        signIn(alice);
        browser.get(page(proposalPath));
        browser.findElement(By.id("remind-non-voters")).click();
        assertThat(notice()).isEqualTo("2 members reminded.");
        MimeMessage reminder = mail(carolMail, "Reminder");
        assertThat(TestMail.body(reminder)).contains(TestMail.PUBLIC_URL + proposalPath);
        assertThat(kinds(carol)).contains("VOTE_REMINDER");
        assertThat(kinds(bob)).as("bob voted").doesNotContain("VOTE_REMINDER");
        assertThat(kinds(nina)).as("nina's power is counted with bob's ballot").doesNotContain("VOTE_REMINDER");
        // the reminders were queued together; give the outbox two polls to send any mail it had for bob
        Thread.sleep(4_500);
        assertThat(subjects(bobMail)).as("bob voted: no reminder mail").noneMatch(s -> s.startsWith("Reminder"))
                .anyMatch(s -> s.startsWith("Vote open"));
        assertThat(subjects(ninaMail)).noneMatch(s -> s.startsWith("Reminder"));
    }

    /** The page's notice; when there is none, the failure says where the browser is and what it shows. */
    private String notice() {
        // the click's navigation may still be under way
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("notice")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException none) {
            // said below, with the page
        }
        List<WebElement> notice = browser.findElements(By.id("notice"));
        if (notice.isEmpty()) {
            throw new AssertionError("no notice at " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText());
        }
        return notice.get(0).getText();
    }

    /** The mail's text/plain part, decoded (the raw body is quoted-printable). */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = plainText(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void accountAddress(String username, String email) {
        http.put().uri("/api/v1/accounts/me/email").headers(as(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\"}").exchange().expectStatus().isNoContent();
    }

    private List<String> kinds(String username) {
        List<String> kinds = new ArrayList<>();
        http.get().uri("/api/v1/notifications").headers(as(username)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().forEach(n -> kinds.add(n.get("kind").asText()));
        return kinds;
    }

    private static List<String> subjects(String address) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : TestMail.to(address, 0)) {
            try {
                subjects.add(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    /** The first mail to this address whose subject contains {@code subject}, waiting up to 30 s for it. */
    private static MimeMessage mail(String address, String subject) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : TestMail.to(address, 0)) {
                try {
                    if (m.getSubject() != null && m.getSubject().contains(subject)) {
                        return m;
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail to " + address + " about " + subject + "; got " + subjects(address));
    }
}
