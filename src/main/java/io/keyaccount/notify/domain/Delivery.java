package io.keyaccount.notify.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.notify.Channel;
import io.keyaccount.platform.audit.Unaudited;
import io.keyaccount.platform.persistence.BusinessEntity;

/**
 * One notification's way out through one channel: PENDING until sent; a failed attempt waits twice as long as the
 * one before; after the last attempt it is FAILED and waits for an administrator to retry it by hand.
 */
@Entity
@Unaudited
@Table(name = "notification_delivery")
@SQLRestriction("deleted_at is null")
public class Delivery extends BusinessEntity {

	public enum Status {
		PENDING, SENT, FAILED
	}

	public static final int ERROR_LENGTH = 1000;

	@Column(name = "notification_id", nullable = false, updatable = false)
	private long notificationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status = Status.PENDING;

	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt = Instant.now();

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected Delivery() {
	}

	public Delivery(long notificationId, Channel channel) {
		this.notificationId = notificationId;
		this.channel = channel;
	}

	public void sent(Instant at) {
		status = Status.SENT;
		sentAt = at;
		lastError = null;
	}

	/** Records a failed attempt: retried after {@code firstWait × 2^(attempts-1)}, or FAILED after the last one. */
	public void failed(String error, Instant at, int maxAttempts, Duration firstWait, Duration longestWait) {
		attempts++;
		lastError = error == null ? "" : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
		if (attempts >= maxAttempts) {
			status = Status.FAILED;
			return;
		}
		Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 30));
		nextAttemptAt = at.plus(wait.compareTo(longestWait) > 0 ? longestWait : wait);
	}

	/** An administrator sends a failed delivery again: a fresh round of attempts, starting now. */
	public void retry() {
		if (status != Status.FAILED) {
			throw new IllegalStateException("Only a failed delivery is retried by hand");
		}
		status = Status.PENDING;
		attempts = 0;
		nextAttemptAt = Instant.now();
	}

	public long getNotificationId() {
		return notificationId;
	}

	public Channel getChannel() {
		return channel;
	}

	public Status getStatus() {
		return status;
	}

	public int getAttempts() {
		return attempts;
	}

	public Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	public String getLastError() {
		return lastError;
	}

	public Instant getSentAt() {
		return sentAt;
	}

}
