package io.keyaccount.platform.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts password attempts per user and locks the user's password sign-in for a while after too many.
 * <p>
 * An attempt is counted before its password is checked, in one UPDATE that also locks on the last allowed
 * attempt: the database serialises concurrent attempts on the user's row, so a burst of parallel guesses gets no
 * more tries than a sequence of them. Only the password sign-in is locked; API tokens are random 256-bit secrets
 * that nobody guesses, and a stranger's wrong passwords must not stop a user's integrations.
 */
@Component
class LoginAttempts {

	private final JdbcTemplate jdbc;

	private final SecurityProperties properties;

	LoginAttempts(JdbcTemplate jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Counts an attempt to sign in as this user; false when there is no such user or the user is locked, and the
	 * password must not be checked.
	 */
	boolean admit(String username) {
		Instant now = Instant.now();
		int max = properties.maxFailedLogins();
		return jdbc.update("""
				update app_user
				set failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
				    locked_until = case when failed_logins + 1 >= ?
				                        then cast(? as timestamp with time zone) else null end
				where username = ? and deleted_at is null and (locked_until is null or locked_until <= ?)""", max,
				max, Timestamp.from(now.plus(properties.lockoutDuration())), username, Timestamp.from(now)) == 1;
	}

	/** The right password: the count starts again, and a lock set by this very attempt is lifted. */
	void succeeded(long userId) {
		jdbc.update("update app_user set failed_logins = 0, locked_until = null, last_login_at = ? where id = ?",
				Timestamp.from(Instant.now()), userId);
	}

}
