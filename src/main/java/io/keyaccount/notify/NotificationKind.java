package io.keyaccount.notify;

/** What a notification is about; users choose their channels per kind (labels {@code notification.kind.<name>}). */
public enum NotificationKind {

	/** An account was transferred to the recipient. */
	ACCOUNT_TRANSFERRED,

	/** A leaver's accounts were handed over to the recipient. */
	ACCOUNTS_HANDED_OVER,

	/** A key account of the recipient's staff went without follow-up past the pool rule. */
	KEY_ACCOUNT_NEGLECTED

}
