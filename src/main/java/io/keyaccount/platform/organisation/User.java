package io.keyaccount.platform.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.platform.persistence.BusinessEntity;

/** A member of staff who signs in: belongs to one unit, reports to a manager, holds roles. */
@Entity
@Table(name = "app_user")
@SQLRestriction("deleted_at is null")
public class User extends BusinessEntity {

	@Column(nullable = false, updatable = false, unique = true)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	private String email;

	private String mobile;

	@Column(name = "unit_id", nullable = false)
	private Long unitId;

	@Column(name = "position_id")
	private Long positionId;

	@Column(name = "manager_id")
	private Long managerId;

	@Column(nullable = false)
	private String locale = "zh-CN";

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "failed_logins", nullable = false)
	private int failedLogins;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	/** Raised when the rights below change: the user's sessions read them again (docs/security.md). */
	@Column(name = "rights_version", nullable = false)
	private long rightsVersion;

	/** Raised when the password changes or the user is disabled: the user's sessions end (docs/security.md). */
	@Column(name = "sign_in_version", nullable = false)
	private long signInVersion;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role_id")
	private Set<Long> roleIds = new HashSet<>();

	protected User() {
	}

	public User(String username, String displayName, String passwordHash, long unitId) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.unitId = unitId;
	}

	public void describe(String displayName, String email, String mobile, Long positionId, Long managerId) {
		this.displayName = displayName;
		this.email = email;
		this.mobile = mobile;
		this.positionId = positionId;
		this.managerId = managerId;
	}

	void moveTo(long unitId) {
		if (this.unitId == null || this.unitId != unitId) {
			rightsVersion++;
		}
		this.unitId = unitId;
	}

	public void grantRoles(Collection<Long> roleIds) {
		if (!this.roleIds.equals(Set.copyOf(roleIds))) {
			rightsVersion++;
		}
		this.roleIds.clear();
		this.roleIds.addAll(roleIds);
	}

	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		signInVersion++;
	}

	public void disable() {
		if (enabled) {
			signInVersion++;
		}
		this.enabled = false;
	}

	public void enable() {
		this.enabled = true;
	}

	public void unlock() {
		this.lockedUntil = null;
		this.failedLogins = 0;
	}

	public void preferLocale(String locale) {
		this.locale = locale;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public String getEmail() {
		return email;
	}

	public String getMobile() {
		return mobile;
	}

	public Long getUnitId() {
		return unitId;
	}

	public Long getPositionId() {
		return positionId;
	}

	public Long getManagerId() {
		return managerId;
	}

	public String getLocale() {
		return locale;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public boolean isLocked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	public Instant getLastLoginAt() {
		return lastLoginAt;
	}

	public Set<Long> getRoleIds() {
		return Set.copyOf(roleIds);
	}

}
