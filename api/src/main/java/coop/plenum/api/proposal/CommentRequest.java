package coop.plenum.api.proposal;

/** {@code POST …/comments}. */
public record CommentRequest(String text) {
}
