package coop.plenum.governance.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutgoingMailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private OutgoingMail mailThroughGreenMail() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return new OutgoingMail(Optional.of(sender), "Plenum <plenum@example.coop>");
    }

    @Test
    void aMessageArrivesWithItsTextHtmlAlternativeAndHeaders() throws Exception {
        MailOutcome outcome = mailThroughGreenMail().send(new MailMessage("ada@example.coop", "Vote opened: Solar roof",
                "Voting is open until Friday.", "<p>Voting is open until <b>Friday</b>.</p>",
                Map.of("List-Unsubscribe", "<https://vote.example.coop/unsubscribe/x>")));

        assertThat(outcome).isEqualTo(MailOutcome.SENT);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Vote opened: Solar roof");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ada@example.coop");
        assertThat(received[0].getFrom()[0].toString()).contains("plenum@example.coop");
        assertThat(received[0].getHeader("List-Unsubscribe")[0]).isEqualTo("<https://vote.example.coop/unsubscribe/x>");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Voting is open until Friday.").contains("<b>Friday</b>");
    }

    @Test
    void withEmailOffNothingIsSentAndThatIsNotAnError() {
        OutgoingMail off = OutgoingMail.off();

        assertThat(off.enabled()).isFalse();
        assertThat(off.send(MailMessage.plain("ada@example.coop", "Hello", "text"))).isEqualTo(MailOutcome.EMAIL_OFF);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aLineBreakCannotSmuggleAHeaderOrASecondRecipient() {
        assertThatThrownBy(() -> MailMessage.plain("ada@example.coop\r\nBcc: eve@example.com", "Hi", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> MailMessage.plain("ada@example.coop", "Hi\nBcc: eve@example.com", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> new MailMessage("ada@example.coop", "Hi", "text", null, Map.of("X-A", "b\r\nBcc: e@x.y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecipientThatIsNotAnAddressIsRefusedBeforeTheServerIsAsked() {
        assertThatThrownBy(() -> mailThroughGreenMail().send(MailMessage.plain("not an address", "Hi", "text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an email address");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedAsNotSent() {
        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(1);
        OutgoingMail mail = new OutgoingMail(Optional.of(nowhere), "plenum@example.coop");

        assertThatThrownBy(() -> mail.send(MailMessage.plain("ada@example.coop", "Hi", "text"))).isInstanceOf(MailNotSent.class);
    }

    @Test
    void linksAreBuiltOnTheConfiguredPublicUrlNeverOnARequestsHost() {
        PublicUrl url = new PublicUrl(URI.create("https://vote.example.coop/"));

        assertThat(url.link("/invitations/abc")).isEqualTo("https://vote.example.coop/invitations/abc");
        assertThatThrownBy(() -> new PublicUrl(URI.create("javascript:alert(1)"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicUrl(URI.create("https://a.example/?x=1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
