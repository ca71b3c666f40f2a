package io.keyaccount.platform.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.platform.persistence.BusinessEntity;

/** A node of the company's organisation tree: a department, a KAM committee or centre, a team. */
@Entity
@Table(name = "org_unit")
@SQLRestriction("deleted_at is null")
public class OrgUnit extends BusinessEntity {

	@Column(name = "parent_id")
	private Long parentId;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "unit_type", nullable = false)
	private UnitType type;

	@Column(name = "sort_order", nullable = false)
	private int sortOrder;

	@Column(nullable = false)
	private boolean enabled = true;

	protected OrgUnit() {
	}

	public OrgUnit(String name, UnitType type, Long parentId, int sortOrder) {
		this.name = name;
		this.type = type;
		this.parentId = parentId;
		this.sortOrder = sortOrder;
	}

	public void describe(String name, UnitType type, int sortOrder) {
		this.name = name;
		this.type = type;
		this.sortOrder = sortOrder;
	}

	void moveUnder(Long parentId) {
		this.parentId = parentId;
	}

	public void disable() {
		this.enabled = false;
	}

	public void enable() {
		this.enabled = true;
	}

	public Long getParentId() {
		return parentId;
	}

	public String getName() {
		return name;
	}

	public UnitType getType() {
		return type;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public boolean isEnabled() {
		return enabled;
	}

}
