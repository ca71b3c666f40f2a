package io.keyaccount.customer.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import io.keyaccount.platform.validation.Limits;

/** A record of an account changing hands: transferred, handed over, released to the pool or claimed from it. */
@Entity
@Table(name = "account_transfer")
public class AccountTransfer {

	/** Who made a change that no user made: the pool rule's sweep. */
	public static final String SYSTEM = "system";

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ka_seq")
	@SequenceGenerator(name = "ka_seq", sequenceName = "ka_seq", allocationSize = 50)
	private Long id;

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private Long tenantId;

	@Column(name = "account_id", nullable = false)
	private Long accountId;

	@Column(name = "from_user_id")
	private Long fromUserId;

	@Column(name = "to_user_id")
	private Long toUserId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TransferKind kind;

	private String reason;

	@Column(name = "transferred_at", nullable = false)
	private Instant transferredAt;

	@Column(name = "transferred_by")
	private String transferredBy;

	protected AccountTransfer() {
	}

	public AccountTransfer(long accountId, Long fromUserId, Long toUserId, TransferKind kind, String reason, String by) {
		this.accountId = accountId;
		this.fromUserId = fromUserId;
		this.toUserId = toUserId;
		this.kind = kind;
		// the column's size (account_transfer in V2), for a transfer's, a handover's and a release's reason alike
		this.reason = Limits.checkLength("reason", "account.transferReason", reason, 500);
		this.transferredAt = Instant.now();
		this.transferredBy = by;
	}

	public void moveToAccount(long accountId) {
		this.accountId = accountId;
	}

	public Long getAccountId() {
		return accountId;
	}

	public Long getFromUserId() {
		return fromUserId;
	}

	public Long getToUserId() {
		return toUserId;
	}

	public TransferKind getKind() {
		return kind;
	}

	public String getReason() {
		return reason;
	}

	public Instant getTransferredAt() {
		return transferredAt;
	}

	public String getTransferredBy() {
		return transferredBy;
	}

	/** Whether no user made this change (demo data seeded before anyone signed in included). */
	public boolean isBySystem() {
		return transferredBy == null || SYSTEM.equals(transferredBy) || "anonymousUser".equals(transferredBy);
	}

	public enum TransferKind implements io.keyaccount.platform.web.Labelled {

		TRANSFER, HANDOVER, RELEASE, CLAIM, AUTO_RELEASE, MERGE

	}

}
