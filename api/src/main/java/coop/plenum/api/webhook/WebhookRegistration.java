package coop.plenum.api.webhook;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.webhook.RegisterWebhook;
import coop.plenum.governance.webhook.WebhookId;
import coop.plenum.governance.webhook.WebhookUrl;
import coop.plenum.governance.webhook.delivery.WebhookAddresses;
import coop.plenum.governance.webhook.delivery.WebhookSecrets;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Registering a webhook, for the API and the secretary's page alike: the shape and kinds first, then the addresses the
 * host resolves to (SSRF), then the command; answers the new webhook's id and its secret (to show once). The caller
 * checks the SECRETARY role first; the aggregate checks it again.
 */
@Component
public class WebhookRegistration {

    private final Commands commands;
    private final WebhookAddresses addresses;
    private final WebhookSecrets secrets;
    private final IdGenerator ids;

    WebhookRegistration(Commands commands, WebhookAddresses addresses, WebhookSecrets secrets, IdGenerator ids) {
        this.commands = commands;
        this.addresses = addresses;
        this.secrets = secrets;
        this.ids = ids;
    }

    public record Registered(String webhookId, String secret) {
    }

    public Mono<Registered> register(String cooperativeId, String url, List<String> kinds, PlenumUser user, String correlation) {
        WebhookId webhookId = new WebhookId(ids.newId());
        return Mono.fromCallable(() -> {
                    RegisterWebhook command = new RegisterWebhook(webhookId, new CooperativeId(cooperativeId), url, kinds);
                    command.assertInputValid();
                    // resolving the host blocks: on the bounded-elastic pool, never the event loop
                    addresses.refusal(url).ifPresent(reason -> {
                        throw new InvalidInput(WebhookUrl.FIELD, "webhook.url-refused", reason);
                    });
                    return command;
                }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, user.caller(correlation)))
                .then(Mono.fromSupplier(() -> new Registered(webhookId.value(), secrets.secretOf(webhookId))));
    }
}
