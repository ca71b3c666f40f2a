package io.keyaccount.value.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;

/** The current tenant's value model settings (the defaults until an administrator saves them). */
@Component
public class ValueSettingsStore {

	private static final String COLUMNS = "weight_historical, weight_current, weight_future, weight_potential,"
			+ " default_margin_rate, current_window_months, horizon_months, discount_rate, tier_a_min, tier_b_min,"
			+ " tier_c_min, loyal_min_alive, loyal_recent_quarters, risk_below_alive, lost_below_alive,"
			+ " risk_after_days, lost_after_days";

	private final JdbcTemplate jdbc;

	ValueSettingsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public ValueSettings load() {
		return versioned().settings();
	}

	@Transactional(readOnly = true)
	public Versioned versioned() {
		List<Versioned> rows = jdbc.query("select " + COLUMNS + ", version from value_settings where tenant_id = ?",
				(rs, n) -> new Versioned(new ValueSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
						rs.getDouble(5), rs.getInt(6), rs.getInt(7), rs.getDouble(8), rs.getInt(9), rs.getInt(10),
						rs.getInt(11), rs.getDouble(12), rs.getInt(13), rs.getDouble(14), rs.getDouble(15),
						rs.getInt(16), rs.getInt(17)), rs.getLong(18)),
				TenantContext.currentTenant());
		return rows.isEmpty() ? new Versioned(ValueSettings.defaults(), -1) : rows.get(0);
	}

	/** Saves the settings; {@code version} is the one the form was loaded with (-1 for the defaults). */
	@Transactional
	public void save(ValueSettings settings, long version) {
		ValueSettings s = settings.checked();
		Timestamp now = Timestamp.from(Instant.now());
		String by = CurrentUser.signedIn().map(KeyaccountUser::getUsername).orElse(null);
		Object[] values = { s.weightHistorical(), s.weightCurrent(), s.weightFuture(), s.weightPotential(),
				s.defaultMarginRate(), s.currentWindowMonths(), s.horizonMonths(), s.discountRate(), s.tierAMin(),
				s.tierBMin(), s.tierCMin(), s.loyalMinAlive(), s.loyalRecentQuarters(), s.riskBelowAlive(),
				s.lostBelowAlive(), s.riskAfterDays(), s.lostAfterDays() };
		long tenant = TenantContext.currentTenant();
		if (version < 0) {
			Object[] args = new Object[values.length + 4];
			System.arraycopy(values, 0, args, 0, values.length);
			args[values.length] = tenant;
			args[values.length + 1] = now;
			args[values.length + 2] = by;
			args[values.length + 3] = now;
			Integer exists = jdbc.queryForObject("select count(*) from value_settings where tenant_id = ?", Integer.class,
					tenant);
			if (exists != null && exists > 0) {
				throw new ConcurrentEditException("ValueSettings", tenant);
			}
			jdbc.update("insert into value_settings (" + COLUMNS + ", tenant_id, created_at, created_by, updated_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
			return;
		}
		String assignments = String.join(" = ?, ", COLUMNS.split(",\\s*")) + " = ?";
		Object[] args = new Object[values.length + 4];
		System.arraycopy(values, 0, args, 0, values.length);
		args[values.length] = now;
		args[values.length + 1] = by;
		args[values.length + 2] = tenant;
		args[values.length + 3] = version;
		int updated = jdbc.update("update value_settings set " + assignments
				+ ", updated_at = ?, updated_by = ?, version = version + 1 where tenant_id = ? and version = ?", args);
		if (updated == 0) {
			throw new ConcurrentEditException("ValueSettings", tenant);
		}
	}

	/** Settings with the version they were read at. */
	public record Versioned(ValueSettings settings, long version) {
	}

}
