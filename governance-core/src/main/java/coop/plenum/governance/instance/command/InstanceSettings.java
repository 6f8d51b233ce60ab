package coop.plenum.governance.instance.command;

import coop.plenum.governance.instance.ChangeInstanceSettings;
import coop.plenum.governance.instance.InstanceSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The instance's settings as one small event-sourced stream, so every change is on the audited record with who made
 * it. Created by the first change; until then every setting has its safe default (open sign-up off).
 */
@Aggregate
class InstanceSettings {

    @AggregateIdentifier
    private String instance;
    private boolean openSignUp;

    InstanceSettings() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeInstanceSettings command, Clock clock) {
        if (instance != null && openSignUp == command.openSignUp()) {
            return; // nothing changes, nothing to record
        }
        apply(new InstanceSettingsChanged(ChangeInstanceSettings.INSTANCE, command.openSignUp(), clock.instant()));
    }

    @EventSourcingHandler
    void on(InstanceSettingsChanged event) {
        instance = event.instance();
        openSignUp = event.openSignUp();
    }
}
