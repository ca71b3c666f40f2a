package io.keyaccount.platform.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * The columns every business table carries: tenant, id, who/when created and changed, an optimistic-lock
 * version and a soft-delete mark. Subclasses add {@code @SQLRestriction("deleted_at is null")} so deleted
 * rows only show in the recycle bin.
 */
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class BusinessEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ka_seq")
	@SequenceGenerator(name = "ka_seq", sequenceName = "ka_seq", allocationSize = 50)
	private Long id;

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private Long tenantId;

	@CreatedDate
	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@CreatedBy
	@Column(name = "created_by", updatable = false)
	private String createdBy;

	@LastModifiedDate
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@LastModifiedBy
	@Column(name = "updated_by")
	private String updatedBy;

	@Version
	private long version;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	public Long getId() {
		return id;
	}

	public Long getTenantId() {
		return tenantId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public long getVersion() {
		return version;
	}

	public boolean isDeleted() {
		return deletedAt != null;
	}

	/** Moves the record to the recycle bin; it can be restored from there. */
	public void moveToRecycleBin() {
		this.deletedAt = Instant.now();
	}

	/**
	 * Refuses a change made on a form that was loaded before someone else saved the record: the version the
	 * form carried must still be the current one.
	 */
	public void checkVersion(long versionSeenByEditor) {
		if (versionSeenByEditor != version) {
			throw new ConcurrentEditException(getClass().getSimpleName(), id);
		}
	}

}
