package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.Limits;

/** What a manager enters about an account's potential: its yearly spend in our category and three strategic ratings. */
@Component
public class AccountProfiles {

	private final JdbcTemplate jdbc;

	AccountProfiles(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Profile of(long accountId) {
		List<Profile> rows = jdbc.query("select category_spend, reference_value, co_development, industry_influence"
				+ " from value_account_profile where tenant_id = ? and account_id = ?",
				(rs, n) -> new Profile(rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
				TenantContext.currentTenant(), accountId);
		return rows.isEmpty() ? new Profile(null, 0, 0, 0) : rows.get(0);
	}

	@Transactional
	public void save(long accountId, Profile profile) {
		for (int rating : new int[] { profile.referenceValue(), profile.coDevelopment(), profile.industryInfluence() }) {
			if (rating < 0 || rating > 5) {
				throw new BusinessRuleException("referenceValue", "value.profile.ratingRange");
			}
		}
		if (profile.categorySpend() != null && profile.categorySpend().signum() < 0) {
			throw new BusinessRuleException("categorySpend", "value.profile.spendNegative");
		}
		// the column's size (value_account_profile in V10)
		Limits.checkAtMost("categorySpend", "value.profile.categorySpend", profile.categorySpend(),
				new BigDecimal("99999999999999999.99"));
		Timestamp now = Timestamp.from(Instant.now());
		String by = CurrentUser.signedIn().map(KeyaccountUser::getUsername).orElse(null);
		long tenant = TenantContext.currentTenant();
		int updated = jdbc.update("update value_account_profile set category_spend = ?, reference_value = ?,"
				+ " co_development = ?, industry_influence = ?, updated_at = ?, updated_by = ?, version = version + 1"
				+ " where tenant_id = ? and account_id = ?", profile.categorySpend(), profile.referenceValue(),
				profile.coDevelopment(), profile.industryInfluence(), now, by, tenant, accountId);
		if (updated == 0) {
			jdbc.update("insert into value_account_profile (tenant_id, account_id, category_spend, reference_value,"
					+ " co_development, industry_influence, created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					tenant, accountId, profile.categorySpend(), profile.referenceValue(), profile.coDevelopment(),
					profile.industryInfluence(), now, by, now);
		}
	}

	/** Moves a merged duplicate's profile to the kept account unless that one has its own. */
	@Transactional
	public void moveAccount(long fromAccountId, long toAccountId) {
		long tenant = TenantContext.currentTenant();
		Integer kept = jdbc.queryForObject("select count(*) from value_account_profile where tenant_id = ? and account_id = ?",
				Integer.class, tenant, toAccountId);
		if (kept != null && kept > 0) {
			jdbc.update("delete from value_account_profile where tenant_id = ? and account_id = ?", tenant, fromAccountId);
		}
		else {
			jdbc.update("update value_account_profile set account_id = ? where tenant_id = ? and account_id = ?",
					toAccountId, tenant, fromAccountId);
		}
	}

	/**
	 * @param categorySpend the customer's yearly spend in our category; null: estimated from size and industry
	 * @param referenceValue 0-5: worth as a reference customer
	 * @param coDevelopment 0-5: develops products with us
	 * @param industryInfluence 0-5: sway over its industry
	 */
	public record Profile(BigDecimal categorySpend, int referenceValue, int coDevelopment, int industryInfluence) {

		public int strategicPoints() {
			return referenceValue + coDevelopment + industryInfluence;
		}

	}

}
