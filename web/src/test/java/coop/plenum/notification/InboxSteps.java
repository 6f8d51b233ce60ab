package coop.plenum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import coop.plenum.support.Cooperators;
import jakarta.mail.internet.MimeMessage;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the notification tests do over HTTP against one running Plenum, and what they read from GreenMail. */
final class InboxSteps {

    static final String ADMIN = "notify-admin-1";
    static final String PUBLIC_URL = "https://plenum.riverside.example";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    final WebTestClient http;
    private final GreenMail smtp;
    private final Cooperators steps;

    InboxSteps(WebTestClient http, GreenMail smtp) {
        this.http = http;
        this.smtp = smtp;
        this.steps = new Cooperators(http);
    }

    static String[] mailArguments(GreenMail smtp) {
        return new String[]{"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--plenum.mail.from=plenum@riverside.example", "--plenum.public-url=" + PUBLIC_URL,
                "--plenum.notifications.poll=PT0.2S", "--plenum.security.bcrypt-strength=4"};
    }

    record Riverside(String coop, String alice, String aliceMember, String bob, String bobMember, String carol,
                     String carolMember, String dave, String daveMember) {
    }

    /** Alice founds it (workers, secretary); bob, carol and dave are admitted as users. */
    Riverside riverside() {
        String alice = unique("alice");
        String aliceId = account(alice, "Alice Secretary");
        String coop = found(aliceId);
        String[] names = {unique("bob"), unique("carol"), unique("dave")};
        String[] display = {"Bob Member", "Carol Member", "Dave Member"};
        String[] members = new String[3];
        for (int i = 0; i < 3; i++) {
            account(names[i], display[i]);
            members[i] = steps.apply(coop, names[i], "users");
            steps.command(alice, coop, members[i], "admission");
        }
        return new Riverside(coop, alice, steps.memberIdOf(alice, coop, aliceId), names[0], members[0], names[1],
                members[1], names[2], members[2]);
    }

    String account(String username, String displayName) {
        return http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s-password\",\"displayName\":\"%s\"}".formatted(username, username, displayName))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("accountId").asText();
    }

    String found(String founderId) {
        return http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth("admin", ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name": "Riverside Energy",
                         "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 50},
                                                 {"id": "users", "name": "Users", "weight": 40, "quorum": 20}],
                                     "topics": ["energy", "finance"],
                                     "ledger": {"rates": {"WORK_HOURS": 1, "MONEY": "0.1"}, "requiredEvaluations": 2}},
                         "founders": [{"accountId": "%s", "classId": "workers"}],
                         "secretaryAccountId": "%s"}""".formatted(founderId, founderId))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("cooperativeId").asText();
    }

    /** Opens a vote on a new proposal; {@code open}: how long until it closes on schedule (null: a secretary closes it). */
    String openVote(Riverside r, Duration open) {
        String schedule = open == null ? "" : ",\"votingClosesAt\":\"" + Instant.now().plus(open) + "\"";
        String proposal = http.post().uri("/api/v1/cooperatives/" + r.coop + "/proposals").headers(Cooperators.as(r.alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Buy a <kiln> & more\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"" + schedule + "}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/" + r.coop + "/proposals/" + proposal + "/opening").headers(Cooperators.as(r.alice))
                .exchange().expectStatus().is2xxSuccessful();
        return proposal;
    }

    void delegate(String username, String coop, String member, String delegate) {
        http.put().uri("/api/v1/cooperatives/" + coop + "/members/" + member + "/delegations/_global").headers(Cooperators.as(username))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + delegate + "\"}")
                .exchange().expectStatus().isNoContent();
    }

    void ballot(String username, String coop, String proposal, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/" + coop + "/proposals/" + proposal + "/ballots/" + member).headers(Cooperators.as(username))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().isOk();
    }

    void setAddress(String username, String email) {
        http.put().uri("/api/v1/notifications/preferences").headers(Cooperators.as(username)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\"}").exchange().expectStatus().isOk();
    }

    String preference(String username, String kind) {
        return http.get().uri("/api/v1/notifications/preferences").headers(Cooperators.as(username)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("preferences").path(kind).asText();
    }

    long unread(String username) {
        return http.get().uri("/api/v1/notifications/unread-count").headers(Cooperators.as(username)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("unread").asLong();
    }

    List<String> kinds(String username) {
        List<String> kinds = new ArrayList<>();
        inbox(username).forEach(n -> kinds.add(n.get("kind").asText()));
        return kinds;
    }

    JsonNode inbox(String username) {
        return http.get().uri("/api/v1/notifications").headers(Cooperators.as(username)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode firstOfKind(String username, String kind) {
        for (JsonNode n : inbox(username)) {
            if (kind.equals(n.get("kind").asText())) {
                return n;
            }
        }
        return null;
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    MimeMessage mailTo(String address, String subject) throws Exception {
        for (MimeMessage m : mailsTo(address)) {
            if (subject.equals(m.getSubject())) {
                return m;
            }
        }
        return null;
    }

    /** The first body part of this MIME type, decoded. */
    static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    static <T> T await(Probe<T> probe, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T found = probe.get();
                if (found != null) {
                    return found;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + what + " within " + PATIENCE);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

}
