package io.keyaccount.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.organisation.DataScope;

/**
 * Loads staff for sign-in. Reads with plain SQL because the tenant is not known until the user is found
 * (usernames are unique across tenants).
 */
@Component
class StaffDirectory implements UserDetailsService {

	private final JdbcTemplate jdbc;

	StaffDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public KeyaccountUser loadUserByUsername(String username) {
		return findByUsername(normalize(username)).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/** Usernames are stored in lower case; the login form takes them as typed. */
	static String normalize(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	Optional<KeyaccountUser> findByUsername(String username) {
		return load("u.username = ?", username);
	}

	Optional<KeyaccountUser> findById(long userId) {
		return load("u.id = ?", userId);
	}

	private Optional<KeyaccountUser> load(String condition, Object key) {
		List<KeyaccountUser> found = jdbc.query("""
				select u.tenant_id, u.id, u.unit_id, u.username, u.display_name, u.locale, u.enabled,
				       u.locked_until, u.password_hash, u.rights_version, u.sign_in_version
				from app_user u join org_unit ou on ou.id = u.unit_id
				where u.deleted_at is null and ou.enabled = true and\s""" + condition, (rs, i) -> {
			long userId = rs.getLong(2);
			Timestamp lockedUntil = rs.getTimestamp(8);
			boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now());
			Set<String> permissions = new HashSet<>();
			DataScope scope = rolesOf(userId, permissions);
			return new KeyaccountUser(rs.getLong(1), userId, rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), scope, permissions, rs.getBoolean(7), locked, rs.getString(9),
					new SignInVersions(rs.getLong(10), rs.getLong(11)));
		}, key);
		return found.stream().findFirst();
	}

	/**
	 * What a signed-in session compares with its copy on each request: empty when the user is gone (deleted, or
	 * his unit disabled) or disabled.
	 */
	Optional<SignInVersions> currentVersions(long userId) {
		return jdbc.query("""
				select u.rights_version, u.sign_in_version from app_user u join org_unit ou on ou.id = u.unit_id
				where u.id = ? and u.deleted_at is null and u.enabled = true and ou.enabled = true""",
				(rs, i) -> new SignInVersions(rs.getLong(1), rs.getLong(2)), userId).stream().findFirst();
	}

	private DataScope rolesOf(long userId, Set<String> permissionsOut) {
		DataScope[] widest = { DataScope.OWN };
		jdbc.query("""
				select r.data_scope, p.permission from app_user_role ur
				join app_role r on r.id = ur.role_id and r.deleted_at is null
				left join app_role_permission p on p.role_id = r.id
				where ur.user_id = ?""", rs -> {
			widest[0] = widest[0].widest(DataScope.valueOf(rs.getString(1)));
			if (rs.getString(2) != null) {
				permissionsOut.add(rs.getString(2));
			}
		}, userId);
		return widest[0];
	}

}
