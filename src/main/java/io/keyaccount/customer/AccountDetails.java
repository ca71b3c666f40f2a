package io.keyaccount.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.AccountView.AccountRef;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * What an account's 360° page reads of the account itself, with plain SQL: the account in one statement, its
 * subsidiaries in a second, kept by {@link AccountDetailCache}. The detail is the call behind every click on an
 * account; as a native query returning the entity, Hibernate resolved the result mapping on every call (13 % of
 * the call), and as HQL or {@code find} it would translate the query anew, because the tenant filter turns its plan
 * cache off. The reads see committed rows only: callers use them outside a transaction that has changed the account.
 */
@Component
class AccountDetails {

	private static final String ACCOUNT = """
			select a.id, a.name, a.short_name, a.credit_code, a.external_id, a.industry, a.province_code, a.city_code,
			a.employees, a.annual_revenue, a.ownership_type, a.website, a.address, a.phone, a.source, a.status,
			a.purchasing_mode, a.purchase_pattern, a.tags, a.owner_user_id, a.owner_unit_id, a.parent_id,
			a.key_account, a.in_pool, a.last_follow_up_at, a.next_follow_up_on, a.created_at, a.created_by, a.version
			from account a
			where a.id = ? and a.tenant_id = ? and a.deleted_at is null""";

	private static final String SUBSIDIARIES = """
			select a.id, a.name from account a
			where a.parent_id = ? and a.tenant_id = ? and a.deleted_at is null order by a.id""";

	/**
	 * The group below an account, walked in the database: one statement where walking it with a query per company
	 * took a detail of a parent company fourteen times as long as any other. The depth bound ends the walk should
	 * bad data ever make a cycle.
	 */
	private static final String GROUP = """
			with recursive grp (id, depth) as (
			  select a.id, 0 from account a where a.id = ? and a.tenant_id = ? and a.deleted_at is null
			  union all
			  select c.id, g.depth + 1 from account c join grp g on c.parent_id = g.id
			  where c.tenant_id = ? and c.deleted_at is null and g.depth < 50)
			select (select count(distinct id) from grp),
			  (select count(*) from contact k where k.account_id in (select id from grp) and k.tenant_id = ?
			    and k.deleted_at is null),
			  (select count(*) from follow_up f where f.account_id in (select id from grp) and f.tenant_id = ?
			    and f.deleted_at is null and f.happened_at > ?)""";

	private final JdbcTemplate jdbc;

	private final AccountDetailCache cache;

	AccountDetails(JdbcTemplate jdbc, AccountDetailCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/** The live account with this id in the current tenant and its subsidiaries, whoever may see it. */
	Optional<StoredAccount> find(long id) {
		long tenant = TenantContext.currentTenant();
		return cache.get(tenant, id, key -> read(tenant, key));
	}

	private Optional<StoredAccount> read(long tenant, long id) {
		return jdbc.query(ACCOUNT, AccountDetails::stored, id, tenant).stream().findFirst().map(account -> account
			.withSubsidiaries(jdbc.query(SUBSIDIARIES, (rs, row) -> new AccountRef(rs.getLong(1), rs.getString(2)),
					id, tenant)));
	}

	/**
	 * The account and every company below it in its group, added up: companies, contacts, and follow-ups since
	 * {@code since}.
	 */
	AccountView.GroupRollup group(long id, Instant since) {
		long tenant = TenantContext.currentTenant();
		return jdbc.queryForObject(GROUP,
				(rs, row) -> new AccountView.GroupRollup(rs.getInt(1), rs.getLong(2), rs.getLong(3)), id, tenant,
				tenant, tenant, tenant, since.atOffset(ZoneOffset.UTC));
	}

	private static StoredAccount stored(ResultSet rs, int row) throws SQLException {
		int employees = rs.getInt(9);
		Integer employeeCount = rs.wasNull() ? null : employees;
		AccountFacts facts = new AccountFacts(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				named(Industry.class, rs.getString(6)), rs.getString(7), rs.getString(8), employeeCount,
				rs.getBigDecimal(10), named(OwnershipType.class, rs.getString(11)), rs.getString(12), rs.getString(13),
				rs.getString(14), named(AccountSource.class, rs.getString(15)), AccountStatus.valueOf(rs.getString(16)),
				named(PurchasingMode.class, rs.getString(17)), named(PurchasePattern.class, rs.getString(18)),
				Account.tagSet(rs.getString(19)));
		long parent = rs.getLong(22);
		Long parentId = rs.wasNull() ? null : parent;
		return new StoredAccount(rs.getLong(1), facts, rs.getLong(20), rs.getLong(21), parentId, List.of(),
				rs.getBoolean(23), rs.getBoolean(24), AccountListing.instant(rs, 25), rs.getObject(26, LocalDate.class),
				AccountListing.instant(rs, 27), rs.getString(28), rs.getLong(29));
	}

	private static <E extends Enum<E>> E named(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	/**
	 * An account as stored, with the live companies directly below it by id: what its detail shows besides its
	 * parent's name (the parent's own) and names the app holds in memory.
	 */
	record StoredAccount(long id, AccountFacts facts, long ownerUserId, long ownerUnitId, Long parentId,
			List<AccountRef> subsidiaries, boolean keyAccount, boolean inPool, Instant lastFollowUpAt,
			LocalDate nextFollowUpOn, Instant createdAt, String createdBy, long version) {

		/** The entity in hand, for a detail built in the transaction that has just written it (no subsidiaries). */
		static StoredAccount of(Account account) {
			return new StoredAccount(account.getId(), account.facts(), account.getOwnerUserId(),
					account.getOwnerUnitId(), account.getParentId(), List.of(), account.isKeyAccount(),
					account.isInPool(), account.getLastFollowUpAt(), account.getNextFollowUpOn(), account.getCreatedAt(),
					account.getCreatedBy(), account.getVersion());
		}

		StoredAccount withSubsidiaries(List<AccountRef> subsidiaries) {
			return new StoredAccount(id, facts, ownerUserId, ownerUnitId, parentId, List.copyOf(subsidiaries),
					keyAccount, inPool, lastFollowUpAt, nextFollowUpOn, createdAt, createdBy, version);
		}

	}

}
