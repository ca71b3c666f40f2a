package io.keyaccount.customer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.keyaccount.customer.domain.AccountAccess;
import io.keyaccount.customer.domain.AccountVisibility;
import io.keyaccount.customer.domain.Regions;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Account facts in bulk, read with plain SQL for other modules' background jobs and reports: every account of
 * the current tenant without a data-scope filter ({@link #forEachAccount}), the keys imports match rows on, and a
 * SQL derived table of the accounts the signed-in user may see, so reports can join their own tables to it.
 */
@Service
public class AccountDirectory {

	private static final String FACTS = "select id, industry, province_code, employees, annual_revenue from account"
			+ " where tenant_id = ? and deleted_at is null";

	private final JdbcTemplate jdbc;

	private final CurrentUser currentUser;

	private final Regions regions;

	AccountDirectory(JdbcTemplate jdbc, CurrentUser currentUser, Regions regions) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.regions = regions;
	}

	/**
	 * Streams every live account of the current tenant, whoever owns it, in id order. For background jobs only:
	 * no data scope applies.
	 */
	public void forEachAccount(Consumer<AccountFactsRow> consumer) {
		jdbc.query(con -> {
			var statement = con.prepareStatement(FACTS + " order by id");
			statement.setFetchSize(5_000);
			statement.setLong(1, TenantContext.currentTenant());
			return statement;
		}, rs -> {
			consumer.accept(factsRow(rs));
		});
	}

	/** Live accounts of the current tenant, for background jobs. */
	public long countAccounts() {
		Long count = jdbc.queryForObject("select count(*) from account where tenant_id = ? and deleted_at is null",
				Long.class, TenantContext.currentTenant());
		return count == null ? 0 : count;
	}

	/**
	 * The keys a ledger import matches rows on: credit code, external id and exact name, each to the account id, of
	 * the accounts the signed-in user may change (docs/adr/0014), so a row naming any other account is told "no such
	 * account" whether it exists or not. A name two of these accounts share maps to null, so an import reports it
	 * instead of guessing. Reads the signed-in user: call it on the importer's thread.
	 */
	public AccountKeys keys() {
		List<Object> args = new ArrayList<>();
		args.add(TenantContext.currentTenant());
		String changeable = "a.tenant_id = ? and a.deleted_at is null and "
				+ AccountAccess.changeableSql(currentUser.visibleRecords(), "a", args);
		Map<String, Long> creditCodes = new LinkedHashMap<>();
		Map<String, Long> externalIds = new LinkedHashMap<>();
		Map<String, Long> names = new LinkedHashMap<>();
		jdbc.query("select a.id, a.name, a.credit_code, a.external_id from account a where " + changeable, rs -> {
			long id = rs.getLong(1);
			names.merge(rs.getString(2).trim(), id, (x, y) -> null);
			if (rs.getString(3) != null) {
				creditCodes.put(rs.getString(3).trim().toUpperCase(), id);
			}
			if (rs.getString(4) != null) {
				externalIds.put(rs.getString(4).trim(), id);
			}
		}, args.toArray());
		names.values().removeIf(java.util.Objects::isNull);
		java.util.Set<String> ambiguous = new java.util.HashSet<>(jdbc.queryForList(
				"select a.name from account a where " + changeable + " group by a.name having count(*) > 1", String.class,
				args.toArray()));
		return new AccountKeys(creditCodes, externalIds, names, ambiguous);
	}

	/**
	 * The accounts the signed-in user may see (their data scope plus the account teams they are on; accounts in
	 * the shared pool excluded), as a SQL derived table with the columns {@code id, name, industry, province_code,
	 * employees, annual_revenue, key_account, owner_user_id, owner_unit_id}. Use it as
	 * {@code join (<sql>) a on a.id = x.account_id}, binding {@link VisibleAccounts#args()} at that place.
	 */
	public VisibleAccounts visibleAccounts() {
		VisibleRecords visible = currentUser.visibleRecords();
		List<Object> args = new ArrayList<>();
		args.add(TenantContext.currentTenant());
		String sql = "select a.id, a.name, a.industry, a.province_code, a.employees, a.annual_revenue, a.key_account,"
				+ " a.owner_user_id, a.owner_unit_id from account a where a.tenant_id = ? and a.deleted_at is null"
				+ " and a.in_pool = false and " + AccountVisibility.visibleToSql(visible, "a", args);
		return new VisibleAccounts(sql, List.copyOf(args));
	}

	/** A region's name from its GB/T 2260 code (empty when unknown). */
	public String regionName(String code) {
		return code == null ? "" : regions.name(code);
	}

	/** Provinces by code, in code order, for filters. */
	public Map<String, String> provinces() {
		Map<String, String> provinces = new LinkedHashMap<>();
		regions.provinces().forEach(r -> provinces.put(r.code(), r.label()));
		return provinces;
	}

	private static AccountFactsRow factsRow(ResultSet rs) throws SQLException {
		String industry = rs.getString(2);
		int employees = rs.getInt(4);
		Integer employeeCount = rs.wasNull() ? null : employees;
		return new AccountFactsRow(rs.getLong(1), industry == null ? null : Industry.valueOf(industry),
				rs.getString(3), employeeCount, rs.getBigDecimal(5));
	}

	/**
	 * One account's facts for a background job: what models of its size and market need. Only these columns are
	 * read, for a million accounts in a rescore.
	 */
	public record AccountFactsRow(long id, Industry industry, String provinceCode, Integer employees,
			BigDecimal annualRevenue) {
	}

	/** Import keys; see {@link AccountDirectory#keys()}. */
	public record AccountKeys(Map<String, Long> creditCodes, Map<String, Long> externalIds, Map<String, Long> names,
			java.util.Set<String> ambiguousNames) {
	}

	/** A SQL derived table of visible accounts with its bind values; see {@link AccountDirectory#visibleAccounts()}. */
	public record VisibleAccounts(String sql, List<Object> args) {
	}

}
