package coop.plenum.governance.webhook.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.webhook.DeleteWebhook;
import coop.plenum.governance.webhook.DisableWebhook;
import coop.plenum.governance.webhook.EnableWebhook;
import coop.plenum.governance.webhook.RegisterWebhook;
import coop.plenum.governance.webhook.SendTestDelivery;
import coop.plenum.governance.webhook.WebhookDeleted;
import coop.plenum.governance.webhook.WebhookDisabled;
import coop.plenum.governance.webhook.WebhookEnabled;
import coop.plenum.governance.webhook.WebhookId;
import coop.plenum.governance.webhook.WebhookRegistered;
import coop.plenum.governance.webhook.WebhookTestRequested;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One webhook of one cooperative: registered, then enabled or disabled, until deleted. Only the cooperative's
 * secretaries manage it, checked here against the cooperative's own stream, not a read model.
 */
@Aggregate
class Webhook {

    @AggregateIdentifier
    private WebhookId webhookId;
    private CooperativeId cooperativeId;
    private boolean enabled;

    Webhook() {
        // for Axon's event sourcing
    }

    @CommandHandler
    Webhook(RegisterWebhook command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
            CooperativeFactsSource cooperatives) {
        command.assertInputValid();
        onlyASecretary(cooperatives, command.cooperativeId(), actor);
        apply(new WebhookRegistered(command.webhookId(), command.cooperativeId(), command.url().strip(),
                List.copyOf(command.kinds()), new AccountId(actor), clock.instant()));
    }

    @CommandHandler
    void handle(DisableWebhook command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives) {
        ofThisCooperative(command.cooperativeId());
        onlyASecretary(cooperatives, cooperativeId, actor);
        if (!enabled) {
            throw new StateConflict("webhook.already-disabled", "the webhook is already disabled");
        }
        apply(new WebhookDisabled(webhookId, cooperativeId, new AccountId(actor), clock.instant()));
    }

    @CommandHandler
    void handle(EnableWebhook command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives) {
        ofThisCooperative(command.cooperativeId());
        onlyASecretary(cooperatives, cooperativeId, actor);
        if (enabled) {
            throw new StateConflict("webhook.already-enabled", "the webhook is already enabled");
        }
        apply(new WebhookEnabled(webhookId, cooperativeId, new AccountId(actor), clock.instant()));
    }

    @CommandHandler
    void handle(DeleteWebhook command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives) {
        ofThisCooperative(command.cooperativeId());
        onlyASecretary(cooperatives, cooperativeId, actor);
        apply(new WebhookDeleted(webhookId, cooperativeId, new AccountId(actor), clock.instant()));
    }

    @CommandHandler
    void handle(SendTestDelivery command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives) {
        ofThisCooperative(command.cooperativeId());
        onlyASecretary(cooperatives, cooperativeId, actor);
        apply(new WebhookTestRequested(webhookId, cooperativeId, new AccountId(actor), clock.instant()));
    }

    /** A webhook addressed under another cooperative does not exist there: the same 404 as an unknown id. */
    private void ofThisCooperative(CooperativeId addressed) {
        if (!cooperativeId.equals(addressed)) {
            throw new NotFound("webhook.not-found", "no webhook '" + webhookId.value() + "' here");
        }
    }

    private static void onlyASecretary(CooperativeFactsSource cooperatives, CooperativeId cooperativeId, String actor) {
        if (actor == null || !cooperatives.facts(cooperativeId).isSecretary(new AccountId(actor))) {
            throw new NotAllowed("webhook.secretary-only", "Only the cooperative's secretaries manage its webhooks.");
        }
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        this.webhookId = event.webhookId();
        this.cooperativeId = event.cooperativeId();
        this.enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookDisabled event) {
        this.enabled = false;
    }

    @EventSourcingHandler
    void on(WebhookEnabled event) {
        this.enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookDeleted event) {
        AggregateLifecycle.markDeleted();
    }
}
