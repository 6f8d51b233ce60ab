package coop.plenum.governance.options;

import coop.plenum.governance.ids.MemberId;

/** An objection standing at close: the objector (who cast it themself) and their reason. */
public record Objection(MemberId memberId, String classId, String reason) {
}
