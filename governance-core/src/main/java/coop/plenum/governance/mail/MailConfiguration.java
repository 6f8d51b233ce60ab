package coop.plenum.governance.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.URI;
import java.util.Optional;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    PublicUrl publicUrl(@Value("${plenum.public-url:}") String configured, @Value("${server.port:8080}") int port) {
        return new PublicUrl(URI.create(configured.isBlank() ? "http://localhost:" + port : configured.trim()));
    }

    /** Spring Boot builds the {@link JavaMailSender} only when {@code spring.mail.host} is set. */
    @Bean
    OutgoingMail outgoingMail(ObjectProvider<JavaMailSender> sender, @Value("${plenum.mail.from:}") String from,
                              PublicUrl publicUrl) {
        Optional<JavaMailSender> configured = Optional.ofNullable(sender.getIfAvailable());
        if (configured.isEmpty()) {
            log.info("Email is off (spring.mail.host is not set): invitations, password resets and notifications are not "
                    + "mailed; in-app notifications still work. See README, Configuration.");
            return OutgoingMail.off();
        }
        if (from.isBlank()) {
            throw new IllegalStateException("spring.mail.host is set but plenum.mail.from is not: set the address Plenum sends from");
        }
        OutgoingMail mail = new OutgoingMail(configured, from);
        String server = configured.get() instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + impl.getPort() : "SMTP";
        log.info("Email goes through {} from {}; links point to {}", server, mail.from().orElseThrow(), publicUrl.base());
        return mail;
    }
}
