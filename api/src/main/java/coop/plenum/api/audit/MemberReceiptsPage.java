package coop.plenum.api.audit;

import java.util.List;

/** A page of a member's receipts, newest first: {@code total} of them in all, these from {@code offset}. */
public record MemberReceiptsPage(String cooperativeId, String memberId, int offset, int limit, int total,
                                 List<MemberReceiptJson> receipts) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
}
