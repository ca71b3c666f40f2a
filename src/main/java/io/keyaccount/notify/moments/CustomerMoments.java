package io.keyaccount.notify.moments;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.CustomerEvents.AccountTransferred;
import io.keyaccount.customer.CustomerEvents.AccountsHandedOver;
import io.keyaccount.customer.CustomerEvents.KeyAccountNeglected;
import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.NotificationRequest;
import io.keyaccount.notify.Notifications;
import io.keyaccount.notify.RecordReference;

/**
 * The customer module's moments that someone must hear of. A plain (synchronous) listener on purpose: it runs in
 * the publisher's transaction, so the notification commits or rolls back with the change itself.
 */
@Component
class CustomerMoments {

	private final Notifications notifications;

	CustomerMoments(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void on(AccountTransferred event) {
		if (event.toUserId() == event.byUserId()) {
			return;
		}
		notifications.notify(NotificationRequest.to(event.toUserId(), NotificationKind.ACCOUNT_TRANSFERRED,
				"notification.accountTransferred", RecordReference.account(event.accountId()), event.accountName()));
	}

	@EventListener
	void on(AccountsHandedOver event) {
		if (event.accountIds().isEmpty()) {
			return;
		}
		notifications.notify(NotificationRequest.to(event.toUserId(), NotificationKind.ACCOUNTS_HANDED_OVER,
				"notification.accountsHandedOver", null, String.valueOf(event.accountIds().size())));
	}

	@EventListener
	void on(KeyAccountNeglected event) {
		notifications.notify(NotificationRequest.to(event.managerUserId(), NotificationKind.KEY_ACCOUNT_NEGLECTED,
				"notification.keyAccountNeglected", RecordReference.account(event.accountId()), event.accountName()));
	}

}
