package io.keyaccount.notify.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.RecordReference;
import io.keyaccount.platform.audit.Unaudited;
import io.keyaccount.platform.persistence.BusinessEntity;

/**
 * One user's notification in the notification centre. Created unread in the transaction of the change it reports;
 * only its recipient marks it read. The title is kept as a message key and arguments so each reader sees it in
 * their own language.
 */
@Entity
@Unaudited
@Table(name = "notification")
@SQLRestriction("deleted_at is null")
public class Notification extends BusinessEntity {

	@Column(name = "recipient_user_id", nullable = false, updatable = false)
	private long recipientUserId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private NotificationKind kind;

	@Column(name = "title_key", nullable = false, updatable = false)
	private String titleKey;

	@Convert(converter = TitleArguments.class)
	@Column(name = "title_arguments", updatable = false)
	private List<String> titleArguments;

	@Column(name = "record_type", updatable = false)
	private String recordType;

	@Column(name = "record_id", updatable = false)
	private Long recordId;

	@Column(name = "read_at")
	private Instant readAt;

	protected Notification() {
	}

	public Notification(long recipientUserId, NotificationKind kind, String titleKey, List<String> titleArguments,
			RecordReference record) {
		this.recipientUserId = recipientUserId;
		this.kind = kind;
		this.titleKey = titleKey;
		this.titleArguments = List.copyOf(titleArguments);
		this.recordType = record == null ? null : record.type();
		this.recordId = record == null ? null : record.id();
	}

	/** Marks the notification read; reading it again keeps the first time. */
	public void markRead() {
		if (readAt == null) {
			readAt = Instant.now();
		}
	}

	public long getRecipientUserId() {
		return recipientUserId;
	}

	public NotificationKind getKind() {
		return kind;
	}

	public String getTitleKey() {
		return titleKey;
	}

	public List<String> getTitleArguments() {
		return titleArguments == null ? List.of() : titleArguments;
	}

	public RecordReference getRecord() {
		return recordType == null || recordId == null ? null : new RecordReference(recordType, recordId);
	}

	public boolean isRead() {
		return readAt != null;
	}

}
