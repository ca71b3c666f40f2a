package io.keyaccount.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyaccount.security.*}: lock an account after this many failed logins for this long; the minimum
 * password length.
 */
@ConfigurationProperties("keyaccount.security")
public record SecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("8") int passwordMinLength) {
}
