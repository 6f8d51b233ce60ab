package coop.plenum.api.proposal;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST …/comments}. */
public record CommentRequest(
        @Schema(description = "the comment, 1 to 5,000 characters; Markdown (shown sanitised: no raw HTML, no scripts)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "I'd like the **maintenance costs** in the plan.")
        String text,
        @Schema(description = "optional: the commentId of the comment on this proposal that this one answers; absent for a "
                + "top-level comment. Naming no comment of this proposal is a 400 with field `replyTo`",
                nullable = true, example = "3f1c2a9e-5b7d-4e61-9a0f-2d8c7b6e5a41")
        String replyTo) {
}
