package coop.plenum.api.delegation;

/** {@code PUT …/delegations/{topic or _global}}: the member to delegate to. */
record DelegationRequest(String delegateId) {
}
