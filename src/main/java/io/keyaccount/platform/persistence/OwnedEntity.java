package io.keyaccount.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A business record with an owner user and owner unit, the two things data scopes filter on. */
@MappedSuperclass
public abstract class OwnedEntity extends BusinessEntity {

	@Column(name = "owner_user_id", nullable = false)
	private Long ownerUserId;

	@Column(name = "owner_unit_id", nullable = false)
	private Long ownerUnitId;

	public Long getOwnerUserId() {
		return ownerUserId;
	}

	public Long getOwnerUnitId() {
		return ownerUnitId;
	}

	protected void assignOwner(long userId, long unitId) {
		this.ownerUserId = userId;
		this.ownerUnitId = unitId;
	}

}
