package io.keyaccount.notify;

/**
 * The record a notification is about, by type and id: the link is built, and the reader's right to see the record
 * checked, when the notification is read, never stored.
 */
public record RecordReference(String type, long id) {

	public static final String ACCOUNT = "account";

	public static RecordReference account(long id) {
		return new RecordReference(ACCOUNT, id);
	}

}
