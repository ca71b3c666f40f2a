package io.keyaccount.platform.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "auditingTime")
class PersistenceConfiguration {

	static final String SYSTEM = "system";

	/**
	 * Creation and change times in microseconds, as both databases keep them: an entity in hand then shows the time
	 * that reading it back shows (the API's create answers from the account in hand).
	 */
	@Bean
	DateTimeProvider auditingTime() {
		return () -> Optional.of(Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	@Bean
	AuditorAware<String> auditorAware() {
		return () -> Optional.of(currentUsername());
	}

	static String currentUsername() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
	}

}
