package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;

/** Loads a cooperative's facts inside the current command's unit of work. */
@FunctionalInterface
public interface CooperativeFactsSource {

    /** @throws coop.plenum.kernel.NotFound if there is no such cooperative */
    CooperativeFacts facts(CooperativeId cooperativeId);
}
