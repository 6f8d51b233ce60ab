package coop.plenum.governance.activity;

import coop.plenum.governance.ids.CooperativeId;

/** Query: one page of a cooperative's activity, newest first (ties by entry id); {@code page} counts from 0. */
public record FindActivity(CooperativeId cooperativeId, int page, int size) {
}
