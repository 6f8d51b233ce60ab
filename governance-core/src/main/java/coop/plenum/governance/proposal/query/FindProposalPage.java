package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.proposal.ProposalState;

/**
 * Query: one page of a cooperative's proposals, newest first (ties by id, so pages never overlap or skip), optionally
 * only those in one state and those whose title or text contains {@code search} (case-insensitive, taken literally).
 * {@code page} counts from 0. The caller bounds the search's length, the page and its size (the web page does).
 */
public record FindProposalPage(CooperativeId cooperativeId, ProposalState state, String search, int page, int size) {
}
