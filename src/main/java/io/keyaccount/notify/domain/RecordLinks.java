package io.keyaccount.notify.domain;

import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.RecordReference;

/** Where a notification leads: its record's page, or the list it belongs to when it names no single record. */
public final class RecordLinks {

	private RecordLinks() {
	}

	public static String pathOf(NotificationKind kind, RecordReference record) {
		if (record != null && RecordReference.ACCOUNT.equals(record.type())) {
			return "/customers/accounts/" + record.id();
		}
		return switch (kind) {
			case ACCOUNTS_HANDED_OVER, ACCOUNT_TRANSFERRED, KEY_ACCOUNT_NEGLECTED -> "/customers/accounts";
		};
	}

}
