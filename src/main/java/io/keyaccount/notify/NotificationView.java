package io.keyaccount.notify;

import java.time.Instant;

/**
 * A notification as its reader sees it: the title in the reader's language, or a generic text when the reader may
 * no longer see the record it is about (then {@code link} is null too).
 */
public record NotificationView(long id, NotificationKind kind, String title, String link, boolean read,
		Instant createdAt) {
}
