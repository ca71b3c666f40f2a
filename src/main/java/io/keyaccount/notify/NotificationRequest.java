package io.keyaccount.notify;

import java.util.List;
import java.util.Set;

/**
 * One thing to tell one or more users. The title is a message key with its arguments, rendered in each reader's
 * language when shown or sent; {@code record} (may be null) is what the notification links to.
 */
public record NotificationRequest(NotificationKind kind, Set<Long> recipientUserIds, String titleKey,
		List<String> titleArguments, RecordReference record) {

	public NotificationRequest {
		recipientUserIds = Set.copyOf(recipientUserIds);
		titleArguments = List.copyOf(titleArguments);
	}

	public static NotificationRequest to(long recipientUserId, NotificationKind kind, String titleKey,
			RecordReference record, String... titleArguments) {
		return new NotificationRequest(kind, Set.of(recipientUserId), titleKey, List.of(titleArguments), record);
	}

}
