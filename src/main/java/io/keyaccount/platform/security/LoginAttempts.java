package io.keyaccount.platform.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins and locks the account for a while after too many. */
@Component
class LoginAttempts {

	private final JdbcTemplate jdbc;

	private final SecurityProperties properties;

	LoginAttempts(JdbcTemplate jdbc, SecurityProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal()).trim().toLowerCase();
		jdbc.update("update app_user set failed_logins = failed_logins + 1 where username = ?", username);
		Timestamp until = Timestamp.from(Instant.now().plus(properties.lockoutDuration()));
		jdbc.update("update app_user set locked_until = ?, failed_logins = 0 where username = ? and failed_logins >= ?",
				until, username, properties.maxFailedLogins());
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof KeyaccountUser user) {
			jdbc.update("update app_user set failed_logins = 0, locked_until = null, last_login_at = ? where id = ?",
					Timestamp.from(Instant.now()), user.userId());
		}
	}

}
