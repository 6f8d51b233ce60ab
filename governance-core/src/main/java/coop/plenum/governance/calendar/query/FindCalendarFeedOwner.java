package coop.plenum.governance.calendar.query;

/** Whose feed this token hash opens (the latest one issued to that account), if anyone's. Answers an AccountId. */
public record FindCalendarFeedOwner(String tokenHash) {
}
