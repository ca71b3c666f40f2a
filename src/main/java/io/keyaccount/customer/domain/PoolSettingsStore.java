package io.keyaccount.customer.domain;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.PoolSettings;
import io.keyaccount.platform.persistence.CacheInvalidation;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * One row of pool settings per tenant; absent means the defaults. Every account list and detail shows days until
 * the pool, so the settings are kept in memory: a change on this node applies at once, on another within a minute.
 */
@Component
public class PoolSettingsStore {

	private final JdbcTemplate jdbc;

	private final Cache<Long, PoolSettings> byTenant = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(10_000)
		.build();

	PoolSettingsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public PoolSettings load() {
		return byTenant.get(TenantContext.currentTenant(), this::read);
	}

	private PoolSettings read(long tenant) {
		List<PoolSettings> rows = jdbc.query(
				"select pool_enabled, pool_after_days, pool_warning_days, daily_claim_limit, version from customer_settings where tenant_id = ?",
				(rs, i) -> new PoolSettings(rs.getBoolean(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5)),
				tenant);
		return rows.isEmpty() ? PoolSettings.defaults() : rows.get(0);
	}

	public void save(PoolSettings settings) {
		long tenant = TenantContext.currentTenant();
		CacheInvalidation.forgetNowAndWhenTransactionEnds(() -> byTenant.invalidate(tenant));
		int updated = jdbc.update("""
				update customer_settings set pool_enabled = ?, pool_after_days = ?, pool_warning_days = ?,
				daily_claim_limit = ?, version = version + 1 where tenant_id = ? and version = ?""", settings.enabled(),
				settings.afterDays(), settings.warningDays(), settings.dailyClaimLimit(), tenant, settings.version());
		if (updated == 1) {
			return;
		}
		Integer exists = jdbc.queryForObject("select count(*) from customer_settings where tenant_id = ?", Integer.class,
				tenant);
		if (exists != null && exists > 0) {
			throw new ConcurrentEditException("PoolSettings", tenant);
		}
		jdbc.update("""
				insert into customer_settings (tenant_id, pool_enabled, pool_after_days, pool_warning_days,
				daily_claim_limit, version) values (?, ?, ?, ?, ?, 1)""", tenant, settings.enabled(),
				settings.afterDays(), settings.warningDays(), settings.dailyClaimLimit());
	}

}
