package io.keyaccount.platform.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.tenancy.TenantContext.TenantMember;

/** The signed-in member of staff, as Spring Security sees them. */
public final class KeyaccountUser implements UserDetails, CredentialsContainer, TenantMember {

	private final long tenantId;

	private final long userId;

	private final long unitId;

	private final String username;

	private final String displayName;

	private final String locale;

	private final DataScope dataScope;

	private final Set<String> permissions;

	private final boolean enabled;

	private final boolean locked;

	private final SignInVersions versions;

	private String passwordHash;

	KeyaccountUser(long tenantId, long userId, long unitId, String username, String displayName, String locale,
			DataScope dataScope, Set<String> permissions, boolean enabled, boolean locked, String passwordHash,
			SignInVersions versions) {
		this.tenantId = tenantId;
		this.userId = userId;
		this.unitId = unitId;
		this.username = username;
		this.displayName = displayName;
		this.locale = locale;
		this.dataScope = dataScope;
		this.permissions = Set.copyOf(permissions);
		this.enabled = enabled;
		this.locked = locked;
		this.passwordHash = passwordHash;
		this.versions = versions;
	}

	@Override
	public long tenantId() {
		return tenantId;
	}

	public long userId() {
		return userId;
	}

	public long unitId() {
		return unitId;
	}

	public String displayName() {
		return displayName;
	}

	public String locale() {
		return locale;
	}

	public DataScope dataScope() {
		return dataScope;
	}

	/** The user's versions when these rights were read (V32): a request compares them with the current ones. */
	SignInVersions versions() {
		return versions;
	}

	public boolean can(String permission) {
		return permissions.contains(permission);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return permissions.stream().map(SimpleGrantedAuthority::new).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyaccountUser that && that.userId == userId && that.tenantId == tenantId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(userId);
	}

	@Override
	public String toString() {
		return username;
	}

}
