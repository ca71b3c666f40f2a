package io.keyaccount.customer.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.platform.persistence.BusinessEntity;

/** One contact with the customer (跟进记录) and, when there is one, the next step and who takes it. */
@Entity
@Table(name = "follow_up")
@SQLRestriction("deleted_at is null")
public class FollowUp extends BusinessEntity {

	@Column(name = "account_id", nullable = false)
	private Long accountId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private FollowUpKind kind;

	@Column(name = "happened_at", nullable = false)
	private Instant happenedAt;

	@Column(name = "author_user_id", nullable = false)
	private Long authorUserId;

	@Column(name = "our_participants")
	private String ourParticipants;

	@Column(name = "contact_ids")
	private String contactIds;

	@Column(nullable = false)
	private String summary;

	@Column(name = "next_step")
	private String nextStep;

	@Column(name = "next_follow_up_on")
	private LocalDate nextFollowUpOn;

	@Column(name = "assignee_user_id")
	private Long assigneeUserId;

	protected FollowUp() {
	}

	public FollowUp(long accountId, long authorUserId, FollowUpKind kind, Instant happenedAt, String ourParticipants,
			String contactIds, String summary, String nextStep, LocalDate nextFollowUpOn) {
		this.accountId = accountId;
		this.authorUserId = authorUserId;
		this.kind = kind;
		this.happenedAt = happenedAt;
		this.ourParticipants = ourParticipants;
		this.contactIds = contactIds;
		this.summary = summary;
		this.nextStep = nextStep;
		this.nextFollowUpOn = nextFollowUpOn;
		this.assigneeUserId = nextFollowUpOn == null ? null : authorUserId;
	}

	public void handOverTo(long userId) {
		this.assigneeUserId = userId;
	}

	public void moveToAccount(long accountId) {
		this.accountId = accountId;
	}

	public Long getAccountId() {
		return accountId;
	}

	public FollowUpKind getKind() {
		return kind;
	}

	public Instant getHappenedAt() {
		return happenedAt;
	}

	public Long getAuthorUserId() {
		return authorUserId;
	}

	public String getOurParticipants() {
		return ourParticipants;
	}

	public String getContactIds() {
		return contactIds;
	}

	public String getSummary() {
		return summary;
	}

	public String getNextStep() {
		return nextStep;
	}

	public LocalDate getNextFollowUpOn() {
		return nextFollowUpOn;
	}

	public Long getAssigneeUserId() {
		return assigneeUserId;
	}

}
