package io.keyaccount.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.notify.domain.ChannelPreferences;
import io.keyaccount.notify.domain.Delivery;
import io.keyaccount.notify.domain.DeliveryRepository;
import io.keyaccount.notify.domain.Notification;
import io.keyaccount.notify.domain.NotificationRepository;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;

/**
 * The notification module's facade for changes. {@link #notify} joins the caller's transaction, so a notification
 * (and its deliveries, the outbox) exists exactly when the change that caused it was committed.
 */
@Service
@Transactional
public class Notifications {

	private final NotificationRepository notifications;

	private final DeliveryRepository deliveries;

	private final ChannelPreferences preferences;

	private final List<NotificationChannel> channels;

	private final Organisation organisation;

	private final CurrentUser currentUser;

	Notifications(NotificationRepository notifications, DeliveryRepository deliveries,
			ChannelPreferences preferences, List<NotificationChannel> channels, Organisation organisation,
			CurrentUser currentUser) {
		this.notifications = notifications;
		this.deliveries = deliveries;
		this.preferences = preferences;
		this.channels = channels;
		this.organisation = organisation;
		this.currentUser = currentUser;
	}

	/**
	 * Records one notification per recipient in the notification centre, and one delivery for each outside channel
	 * the recipient chose for this kind and the channel can reach (an e-mail needs an address and an SMTP server).
	 */
	public void notify(NotificationRequest request) {
		for (long recipient : request.recipientUserIds()) {
			Notification notification = notifications.save(new Notification(recipient, request.kind(),
					request.titleKey(), request.titleArguments(), request.record()));
			Set<Channel> chosen = preferences.effective(recipient, request.kind());
			if (chosen.isEmpty()) {
				continue;
			}
			User user = organisation.user(recipient);
			for (NotificationChannel channel : channels) {
				if (chosen.contains(channel.channel()) && channel.canReach(user.getEmail(), user.getMobile())) {
					deliveries.save(new Delivery(notification.getId(), channel.channel()));
				}
			}
		}
	}

	/** Marks one of the current user's notifications read; another user's is not found. */
	public void markRead(long id) {
		notifications.findByIdAndRecipientUserId(id, currentUser.require().userId())
			.orElseThrow(() -> new NotFoundException("Notification", id))
			.markRead();
	}

	/** Marks all of the current user's notifications read; returns how many were unread. */
	public int markAllRead() {
		return notifications.markAllRead(currentUser.require().userId(), java.time.Instant.now());
	}

	/**
	 * Keeps the user's own choice only where it differs from the company default, so a later change of the default
	 * still reaches a user who saved the page without changing that kind.
	 */
	public void choose(Map<NotificationKind, Set<Channel>> choice) {
		Map<NotificationKind, Set<Channel>> defaults = preferences.companyDefaults();
		Map<NotificationKind, Set<Channel>> own = new java.util.EnumMap<>(NotificationKind.class);
		choice.forEach((kind, channels) -> {
			if (!channels.equals(defaults.getOrDefault(kind, Set.of()))) {
				own.put(kind, channels);
			}
		});
		preferences.saveForUser(currentUser.require().userId(), own);
	}

	public void chooseCompanyDefaults(Map<NotificationKind, Set<Channel>> defaults) {
		preferences.saveCompanyDefaults(defaults, currentUser.require().getUsername());
	}

	/** An administrator sends a delivery that kept failing once more. */
	public void retry(long deliveryId) {
		deliveries.findById(deliveryId).orElseThrow(() -> new NotFoundException("Delivery", deliveryId)).retry();
	}

}
