package io.keyaccount.platform.web;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A named query string of a list screen, saved by one user. */
@Entity
@Table(name = "saved_view")
public class SavedView {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ka_seq")
	@SequenceGenerator(name = "ka_seq", sequenceName = "ka_seq", allocationSize = 50)
	private Long id;

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private Long tenantId;

	@Column(name = "user_id", nullable = false)
	private Long userId;

	@Column(nullable = false)
	private String screen;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String query;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SavedView() {
	}

	SavedView(long userId, String screen, String name, String query) {
		this.userId = userId;
		this.screen = screen;
		this.name = name;
		this.query = query;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return id;
	}

	public Long getUserId() {
		return userId;
	}

	public String getName() {
		return name;
	}

	public String getQuery() {
		return query;
	}

}
