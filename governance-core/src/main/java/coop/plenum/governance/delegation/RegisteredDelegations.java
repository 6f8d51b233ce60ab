package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.voting.DelegationTimeline;

import java.util.List;

/**
 * The delegation changes a cooperative's register has recorded, in log order (none before its first), loaded inside
 * the current command's unit of work and never behind the log (see {@link DelegationStreams}).
 */
@FunctionalInterface
public interface RegisteredDelegations {

    List<DelegationTimeline.Change> of(CooperativeId cooperativeId);
}
