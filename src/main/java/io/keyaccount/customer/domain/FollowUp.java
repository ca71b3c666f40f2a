package io.keyaccount.customer.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.platform.persistence.BusinessEntity;

/**
 * One contact with the customer (跟进记录): who of ours and of theirs took part, and, when there is one, the next
 * step and who takes it. Its author may correct or delete it for a while after writing it ({@link #editableBy}).
 */
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

	/** Our users who took part, by id, comma-separated. */
	@Column(name = "participant_user_ids")
	private String participantUserIds;

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

	/** Whether this user may still correct or delete it: its author, within {@code window} of writing it. */
	public boolean editableBy(long userId, Instant now, Duration window) {
		return authorUserId == userId && getCreatedAt() != null && now.isBefore(getCreatedAt().plus(window));
	}

	/** Its author's correction of what he wrote. */
	public void revise(FollowUpKind kind, Instant happenedAt, String ourParticipants, String contactIds,
			String summary, String nextStep, LocalDate nextFollowUpOn) {
		this.kind = kind;
		this.happenedAt = happenedAt;
		this.ourParticipants = ourParticipants;
		this.contactIds = contactIds;
		this.summary = summary;
		this.nextStep = nextStep;
		if (nextFollowUpOn == null || !nextFollowUpOn.equals(this.nextFollowUpOn)) {
			this.assigneeUserId = nextFollowUpOn == null ? null : authorUserId;
		}
		this.nextFollowUpOn = nextFollowUpOn;
	}

	public void takePart(List<Long> userIds) {
		this.participantUserIds = userIds == null || userIds.isEmpty() ? null
				: userIds.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
	}

	public List<Long> getParticipantUserIds() {
		return participantUserIds == null || participantUserIds.isBlank() ? List.of()
				: Arrays.stream(participantUserIds.split(",")).map(String::trim).map(Long::valueOf).toList();
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
