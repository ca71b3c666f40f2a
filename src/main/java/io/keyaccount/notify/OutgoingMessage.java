package io.keyaccount.notify;

/**
 * What a channel sends: the recipient's addresses (either may be null), a subject, a markdown body and an absolute
 * link to the record or the notification centre.
 */
public record OutgoingMessage(String recipientName, String email, String mobile, String subject, String markdown,
		String link) {
}
