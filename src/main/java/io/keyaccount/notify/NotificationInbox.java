package io.keyaccount.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.notify.domain.ChannelPreferences;
import io.keyaccount.notify.domain.Delivery;
import io.keyaccount.notify.domain.DeliveryRepository;
import io.keyaccount.notify.domain.Notification;
import io.keyaccount.notify.domain.NotificationRepository;
import io.keyaccount.notify.domain.RecordLinks;
import io.keyaccount.platform.security.CurrentUser;

/**
 * The read side: the current user's notifications, each checked against the reader's data scope as it is now (a
 * user who lost access to an account sees a generic title and no link), the unread count, the channel choices,
 * and the deliveries that kept failing.
 */
@Service
@Transactional(readOnly = true)
public class NotificationInbox {

	private final NotificationRepository notifications;

	private final DeliveryRepository deliveries;

	private final ChannelPreferences preferences;

	private final CustomerManagement customers;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	NotificationInbox(NotificationRepository notifications, DeliveryRepository deliveries,
			ChannelPreferences preferences, CustomerManagement customers, CurrentUser currentUser,
			MessageSource messages) {
		this.notifications = notifications;
		this.deliveries = deliveries;
		this.preferences = preferences;
		this.customers = customers;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** Filters of the list; each applies when not null ({@code to} is inclusive: the whole day). */
	public record Filter(boolean unreadOnly, NotificationKind kind, LocalDate from, LocalDate to) {

		public static Filter all() {
			return new Filter(false, null, null, null);
		}

	}

	public record FailedDelivery(long id, Channel channel, String title, String recipientName, int attempts,
			String lastError, Instant failedAt) {
	}

	public Page<NotificationView> page(Filter filter, Pageable pageable, ZoneId zone) {
		Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
		Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
		Locale locale = LocaleContextHolder.getLocale();
		Map<Long, Boolean> visible = new HashMap<>();
		return notifications
			.findForReader(currentUser.require().userId(), filter.unreadOnly(), filter.kind(), from, to, pageable)
			.map(n -> view(n, locale, visible));
	}

	/** Where one of the current user's notifications leads, if the reader may still see its record. */
	public java.util.Optional<String> linkOf(long id) {
		return notifications.findByIdAndRecipientUserId(id, currentUser.require().userId())
			.map(n -> view(n, LocaleContextHolder.getLocale(), new HashMap<>()).link());
	}

	public long unreadCount() {
		return notifications.countByRecipientUserIdAndReadAtIsNull(currentUser.require().userId());
	}

	public Map<NotificationKind, Set<Channel>> myChannels() {
		return preferences.ofUser(currentUser.require().userId());
	}

	public Map<NotificationKind, Set<Channel>> companyDefaults() {
		return preferences.companyDefaults();
	}

	public Page<FailedDelivery> failedDeliveries(Pageable pageable, Map<Long, String> userNames) {
		Locale locale = LocaleContextHolder.getLocale();
		return deliveries.findByStatusOrderByUpdatedAtDesc(Delivery.Status.FAILED, pageable).map(d -> {
			Notification n = notifications.findById(d.getNotificationId()).orElseThrow();
			// the page names the kind, not the title: the title may name an account the administrator does not see
			String title = messages.getMessage("notification.kind." + n.getKind().name(), null, locale);
			return new FailedDelivery(d.getId(), d.getChannel(), title,
					userNames.getOrDefault(n.getRecipientUserId(), "#" + n.getRecipientUserId()), d.getAttempts(),
					d.getLastError(), d.getUpdatedAt());
		});
	}

	private NotificationView view(Notification n, Locale locale, Map<Long, Boolean> visible) {
		RecordReference record = n.getRecord();
		boolean mayRead = record == null || !RecordReference.ACCOUNT.equals(record.type())
				|| visible.computeIfAbsent(record.id(), customers::canSee);
		String title = mayRead ? messages.getMessage(n.getTitleKey(), n.getTitleArguments().toArray(), locale)
				: messages.getMessage("notification.hiddenRecord",
						new Object[] { messages.getMessage("notification.kind." + n.getKind().name(), null, locale) },
						locale);
		return new NotificationView(n.getId(), n.getKind(), title,
				mayRead ? RecordLinks.pathOf(n.getKind(), record) : null, n.isRead(), n.getCreatedAt());
	}

}
