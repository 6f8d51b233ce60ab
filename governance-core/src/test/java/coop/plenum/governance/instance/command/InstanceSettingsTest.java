package coop.plenum.governance.instance.command;

import coop.plenum.governance.instance.ChangeInstanceSettings;
import coop.plenum.governance.instance.InstanceSettingsChanged;
import coop.plenum.governance.instance.query.InstanceSettingsView;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private AggregateTestFixture<InstanceSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InstanceSettings.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void openSignUpIsOffUntilAnOperatorOpensIt() {
        assertThat(InstanceSettingsView.DEFAULTS.openSignUp()).isFalse();
        fixture.givenNoPriorActivity().when(new ChangeInstanceSettings(true))
                .expectEvents(new InstanceSettingsChanged("instance", true, NOW));
    }

    @Test
    void savingTheSameSettingsAgainRecordsNothing() {
        fixture.given(new InstanceSettingsChanged("instance", true, NOW.minusSeconds(60)))
                .when(new ChangeInstanceSettings(true)).expectNoEvents();
        fixture.given(new InstanceSettingsChanged("instance", true, NOW.minusSeconds(60)))
                .when(new ChangeInstanceSettings(false)).expectEvents(new InstanceSettingsChanged("instance", false, NOW));
    }
}
