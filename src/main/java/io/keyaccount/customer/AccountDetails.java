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
 * What an account's 360° page reads of the account itself, with plain SQL: the account with its parent's name in
 * one statement, its subsidiaries in a second. The detail is the call behind every click on an account; as a
 * native query returning the entity, Hibernate resolved the result mapping on every call (13 % of the call), and
 * as HQL or {@code find} it would translate the query anew, because the tenant filter turns its plan cache off.
 * The reads see committed rows only: callers use them outside a transaction that has changed the account.
 */
@Component
class AccountDetails {

	private static final String ACCOUNT = """
			select a.id, a.name, a.short_name, a.credit_code, a.external_id, a.industry, a.province_code, a.city_code,
			a.employees, a.annual_revenue, a.ownership_type, a.website, a.address, a.phone, a.source, a.status,
			a.purchasing_mode, a.purchase_pattern, a.tags, a.owner_user_id, a.owner_unit_id, a.parent_id, p.name,
			a.key_account, a.in_pool, a.last_follow_up_at, a.next_follow_up_on, a.created_at, a.created_by, a.version
			from account a
			left join account p on p.id = a.parent_id and p.tenant_id = a.tenant_id and p.deleted_at is null
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

	AccountDetails(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The live account with this id in the current tenant, whoever may see it. */
	Optional<StoredAccount> find(long id) {
		return jdbc.query(ACCOUNT, AccountDetails::stored, id, TenantContext.currentTenant()).stream().findFirst();
	}

	/** The live companies directly below this one, by id. */
	List<AccountRef> subsidiaries(long id) {
		return jdbc.query(SUBSIDIARIES, (rs, row) -> new AccountRef(rs.getLong(1), rs.getString(2)), id,
				TenantContext.currentTenant());
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
		return new StoredAccount(rs.getLong(1), facts, rs.getLong(20), rs.getLong(21), parentId, rs.getString(23),
				rs.getBoolean(24), rs.getBoolean(25), AccountListing.instant(rs, 26), rs.getObject(27, LocalDate.class),
				AccountListing.instant(rs, 28), rs.getString(29), rs.getLong(30));
	}

	private static <E extends Enum<E>> E named(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	/**
	 * An account as stored, with its parent's name (null without a parent, or when the parent is deleted): what
	 * its detail shows besides names the app holds in memory.
	 */
	record StoredAccount(long id, AccountFacts facts, long ownerUserId, long ownerUnitId, Long parentId,
			String parentName, boolean keyAccount, boolean inPool, Instant lastFollowUpAt, LocalDate nextFollowUpOn,
			Instant createdAt, String createdBy, long version) {

		/** The entity in hand, for a detail built in the transaction that has just written it. */
		static StoredAccount of(Account account, String parentName) {
			return new StoredAccount(account.getId(), account.facts(), account.getOwnerUserId(),
					account.getOwnerUnitId(), account.getParentId(), parentName, account.isKeyAccount(),
					account.isInPool(), account.getLastFollowUpAt(), account.getNextFollowUpOn(), account.getCreatedAt(),
					account.getCreatedBy(), account.getVersion());
		}

	}

}
