package coop.plenum.api.notification;

import java.util.List;

/** Which notifications were read: {@code ids}, or {@code all}. */
record ReadRequest(List<String> ids, Boolean all) {
}
