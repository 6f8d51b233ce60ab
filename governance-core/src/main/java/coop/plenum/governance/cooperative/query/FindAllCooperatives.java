package coop.plenum.governance.cooperative.query;

/** Query: every cooperative on this instance, newest first, at most {@code limit} (the operator's list). */
public record FindAllCooperatives(int limit) {
}
