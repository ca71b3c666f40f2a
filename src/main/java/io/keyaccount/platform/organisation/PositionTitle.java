package io.keyaccount.platform.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.platform.persistence.BusinessEntity;

/** A job title such as 大客户经理 or 研发评估工程师. */
@Entity
@Table(name = "position_title")
@SQLRestriction("deleted_at is null")
public class PositionTitle extends BusinessEntity {

	@Column(nullable = false)
	private String name;

	protected PositionTitle() {
	}

	public PositionTitle(String name) {
		this.name = name;
	}

	public String getName() {
		return name;
	}

	public void rename(String name) {
		this.name = name;
	}

}
