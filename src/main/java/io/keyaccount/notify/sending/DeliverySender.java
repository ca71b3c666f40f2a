package io.keyaccount.notify.sending;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationChannel;
import io.keyaccount.notify.OutgoingMessage;
import io.keyaccount.notify.channel.NotifyProperties;
import io.keyaccount.notify.domain.Delivery;
import io.keyaccount.notify.domain.DeliveryRepository;
import io.keyaccount.notify.domain.Notification;
import io.keyaccount.notify.domain.NotificationRepository;
import io.keyaccount.notify.domain.RecordLinks;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Works through the outbox of every company. Each delivery is taken in its own transaction with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes running this side by side each take different rows and no message goes
 * out twice from two nodes; the row stays locked while it is sent and its outcome is committed with the lock.
 * A crash between the channel accepting a message and the commit sends it again on the next run: the one repeat a
 * channel without idempotency keys cannot rule out.
 */
@Component
public class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final DeliveryRepository deliveries;

	private final NotificationRepository notifications;

	private final Organisation organisation;

	private final MessageSource messages;

	private final NotifyProperties properties;

	private final Map<Channel, NotificationChannel> channels;

	DeliverySender(JdbcTemplate jdbc, TransactionTemplate transaction, DeliveryRepository deliveries,
			NotificationRepository notifications, Organisation organisation, MessageSource messages,
			NotifyProperties properties, List<NotificationChannel> channels) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.deliveries = deliveries;
		this.notifications = notifications;
		this.organisation = organisation;
		this.messages = messages;
		this.properties = properties;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::channel, Function.identity()));
	}

	/** Sends up to one batch of due deliveries; returns how many were attempted. */
	@Scheduled(fixedDelayString = "${keyaccount.notify.send-every:PT10S}",
			initialDelayString = "${keyaccount.notify.send-first-after:PT30S}")
	public int sendDue() {
		int attempted = 0;
		while (attempted < properties.batchSize() && Boolean.TRUE.equals(transaction.execute(status -> sendOne()))) {
			attempted++;
		}
		return attempted;
	}

	private boolean sendOne() {
		List<long[]> due = jdbc.query("""
				select id, tenant_id from notification_delivery
				where status = 'PENDING' and next_attempt_at <= ? and deleted_at is null
				order by next_attempt_at
				fetch first 1 rows only
				for update skip locked""", (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) },
				java.sql.Timestamp.from(Instant.now()));
		if (due.isEmpty()) {
			return false;
		}
		TenantContext.runAs(due.get(0)[1], () -> attempt(due.get(0)[0]));
		return true;
	}

	private void attempt(long deliveryId) {
		Delivery delivery = deliveries.findById(deliveryId).orElseThrow();
		try {
			channels.get(delivery.getChannel()).send(message(delivery));
			delivery.sent(Instant.now());
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			delivery.failed(error, Instant.now(), properties.maxAttempts(), properties.firstRetryAfter(),
					properties.longestRetryWait());
			log.warn("Notification delivery {} by {} failed (attempt {}): {}", deliveryId, delivery.getChannel(),
					delivery.getAttempts(), error);
		}
	}

	private OutgoingMessage message(Delivery delivery) {
		Notification n = notifications.findById(delivery.getNotificationId()).orElseThrow();
		User recipient = organisation.user(n.getRecipientUserId());
		Locale locale = Locale.forLanguageTag(recipient.getLocale() == null ? "zh-CN" : recipient.getLocale());
		String title = messages.getMessage(n.getTitleKey(), n.getTitleArguments().toArray(), locale);
		String subject = messages.getMessage("notification.mailSubject", new Object[] { title }, locale);
		String link = properties.baseUrl().replaceAll("/+$", "") + RecordLinks.pathOf(n.getKind(), n.getRecord());
		return new OutgoingMessage(recipient.getDisplayName(), recipient.getEmail(), recipient.getMobile(), subject,
				title, link);
	}

}
