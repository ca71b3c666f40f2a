package io.keyaccount.platform.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A company using Keyaccount. A single-company install has exactly one. */
@Entity
@Table(name = "tenant")
public class Tenant {

	@Id
	private Long id;

	@Column(nullable = false, unique = true)
	private String code;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Tenant() {
	}

	public Tenant(long id, String code, String name) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public void rename(String name) {
		this.name = name;
	}

}
