package io.keyaccount.value.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Each tier's strategy and recommended next actions (seed 004: high value — develop potential and loyalty; low
 * value — gather market information and needs). Until a company writes its own, the defaults come from the
 * message bundle in the reader's language.
 */
@Component
public class Playbooks {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	Playbooks(JdbcTemplate jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public Map<Tier, Playbook> all() {
		Map<Tier, Playbook> playbooks = new EnumMap<>(Tier.class);
		for (Tier tier : Tier.values()) {
			var locale = LocaleContextHolder.getLocale();
			String strategy = messages.getMessage("value.playbook." + tier + ".strategy", null, locale);
			List<String> actions = Arrays.asList(messages.getMessage("value.playbook." + tier + ".actions", null, locale)
				.split("\\|"));
			playbooks.put(tier, new Playbook(tier, strategy, actions, false));
		}
		jdbc.query("select tier, strategy, actions from value_playbook where tenant_id = ?", rs -> {
			Tier tier = Tier.valueOf(rs.getString(1));
			playbooks.put(tier, new Playbook(tier, rs.getString(2), lines(rs.getString(3)), true));
		}, TenantContext.currentTenant());
		return playbooks;
	}

	public Playbook of(Tier tier) {
		return all().get(tier);
	}

	@Transactional
	public void save(Tier tier, String strategy, String actions) {
		if (strategy == null || strategy.isBlank() || actions == null || actions.isBlank()) {
			throw new BusinessRuleException("strategy", "validation.required");
		}
		String cleanStrategy = limit(strategy.trim(), 1000);
		String cleanActions = limit(String.join("\n", lines(actions)), 2000);
		Timestamp now = Timestamp.from(Instant.now());
		String by = CurrentUser.signedIn().map(KeyaccountUser::getUsername).orElse(null);
		long tenant = TenantContext.currentTenant();
		int updated = jdbc.update("update value_playbook set strategy = ?, actions = ?, updated_at = ?, updated_by = ?,"
				+ " version = version + 1 where tenant_id = ? and tier = ?", cleanStrategy, cleanActions, now, by, tenant,
				tier.name());
		if (updated == 0) {
			jdbc.update("insert into value_playbook (tenant_id, tier, strategy, actions, created_at, created_by, updated_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?)", tenant, tier.name(), cleanStrategy, cleanActions, now, by, now);
		}
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static String limit(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

	/** @param custom whether the company wrote it (else the default of the bundle) */
	public record Playbook(Tier tier, String strategy, List<String> actions, boolean custom) {
	}

}
