package coop.plenum.governance.proposal.command;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.util.ArrayList;
import java.util.List;

/** Collects the events a command applied, for tests that check them one by one after the fixture ran. */
final class AppliedEvents extends BaseMatcher<List<? super EventMessage<?>>> {

    final List<Object> payloads = new ArrayList<>();

    @Override
    public boolean matches(Object item) {
        ((List<?>) item).forEach(m -> payloads.add(((EventMessage<?>) m).getPayload()));
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("any events");
    }
}
