package io.keyaccount.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountVisibility;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.BoundedPage;
import io.keyaccount.platform.persistence.BoundedPages;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * The account list's page and its bounded count, as two SQL statements read with JDBC. The list is the page
 * salespeople open most; as a criteria query Hibernate translated both statements anew on every call, because it
 * caches no query plan in a session with a filter enabled and the tenant column is such a filter (40% of a list
 * call's time), and as a native query returning entities it resolved the result mapping on every call (a fifth).
 * The conditions mean exactly what {@link CustomerManagement#specification(AccountQuery)} means (exports and the
 * keyword search use that); {@code AccountListingTests} holds the two to the same rows.
 */
@Component
class AccountListing {

	/** The list's sortable properties and their columns. */
	private static final Map<String, String> COLUMNS = Map.of("name", "a.name", "createdAt", "a.created_at",
			"updatedAt", "a.updated_at", "lastFollowUpAt", "a.last_follow_up_at", "nextFollowUpOn",
			"a.next_follow_up_on", "status", "a.status", "pooledAt", "a.pooled_at");

	private static final String SELECT = "select a.id, a.name, a.short_name, a.status, a.industry, a.province_code,"
			+ " a.city_code, a.owner_user_id, a.owner_unit_id, a.key_account, a.tags, a.last_follow_up_at,"
			+ " a.next_follow_up_on, a.in_pool, a.created_at, a.version from account a where ";

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	AccountListing(JdbcTemplate jdbc, Organisation organisation) {
		this.jdbc = jdbc;
		this.organisation = organisation;
	}

	/**
	 * A page of the accounts the query selects, for a user with this data scope. A keyword is the search index's:
	 * it finds the page's ids, then {@link #among} reads them.
	 */
	BoundedPage<ListedAccount> page(AccountQuery query, VisibleRecords visible, Pageable pageable) {
		List<Object> args = new ArrayList<>();
		String where = where(query, visible, args);
		StringBuilder sql = new StringBuilder(SELECT).append(where)
			.append(orderBy(pageable.getSort()));
		List<Object> rowArgs = new ArrayList<>(args);
		if (pageable.isPaged()) {
			sql.append(" offset ? rows fetch first ? rows only");
			rowArgs.add(pageable.getOffset());
			rowArgs.add(pageable.getPageSize() + 1);
		}
		List<ListedAccount> found = jdbc.query(sql.toString(), AccountListing::listed, rowArgs.toArray());
		boolean hasNext = pageable.isPaged() && found.size() > pageable.getPageSize();
		List<ListedAccount> content = hasNext ? found.subList(0, pageable.getPageSize()) : found;
		return BoundedPages.bounded(pageable, content, hasNext, limit -> count(where, args, limit),
				BoundedPages.EXACT_UP_TO);
	}

	/**
	 * Those of these accounts (a page the search index found) that the query selects for a user with this data
	 * scope, by id; the index may be a moment behind the database, the database has the last word.
	 */
	Map<Long, ListedAccount> among(AccountQuery query, VisibleRecords visible, Collection<Long> ids) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = new StringBuilder(SELECT).append(where(query, visible, args));
		in(sql, args, "a.id", ids);
		Map<Long, ListedAccount> found = new java.util.HashMap<>();
		jdbc.query(sql.toString(), (rs, row) -> listed(rs, row), args.toArray()).forEach(a -> found.put(a.id(), a));
		return found;
	}

	private long count(String where, List<Object> args, long limit) {
		List<Object> countArgs = new ArrayList<>(args);
		countArgs.add(limit);
		Long count = jdbc.queryForObject("select count(*) from (select a.id from account a where " + where
				+ " fetch first ? rows only) t", Long.class, countArgs.toArray());
		return count == null ? 0 : count;
	}

	private static ListedAccount listed(ResultSet rs, int row) throws SQLException {
		String industry = rs.getString(5);
		return new ListedAccount(rs.getLong(1), rs.getString(2), rs.getString(3), AccountStatus.valueOf(rs.getString(4)),
				industry == null ? null : Industry.valueOf(industry), rs.getString(6), rs.getString(7), rs.getLong(8),
				rs.getLong(9), rs.getBoolean(10), Account.tagSet(rs.getString(11)), instant(rs, 12),
				rs.getObject(13, LocalDate.class), rs.getBoolean(14), instant(rs, 15), rs.getLong(16));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** What the list shows of an account. */
	record ListedAccount(long id, String name, String shortName, AccountStatus status, Industry industry,
			String provinceCode, String cityCode, long ownerUserId, long ownerUnitId, boolean keyAccount,
			Set<String> tags, Instant lastFollowUpAt, LocalDate nextFollowUpOn, boolean inPool, Instant createdAt,
			long version) {
	}

	private String where(AccountQuery query, VisibleRecords visible, List<Object> args) {
		args.add(TenantContext.currentTenant());
		StringBuilder sql = new StringBuilder("a.tenant_id = ? and a.deleted_at is null and ");
		View view = query.view() == null ? View.ALL : query.view();
		switch (view) {
			case POOL -> sql.append("a.in_pool = true");
			case MINE -> {
				sql.append("a.in_pool = false and a.owner_user_id = ?");
				args.add(visible.userId());
			}
			case TEAM -> sql.append("a.in_pool = false and ")
				.append(AccountVisibility.onTeamOfSql(visible.userId(), "a", args));
			case UNIT -> {
				sql.append("a.in_pool = false and ").append(AccountVisibility.visibleToSql(visible, "a", args))
					.append(" and a.owner_user_id <> ?");
				args.add(visible.userId());
			}
			case ALL -> sql.append("a.in_pool = false and ").append(AccountVisibility.visibleToSql(visible, "a", args));
		}
		equal(sql, args, "a.status", query.status() == null ? null : query.status().name());
		equal(sql, args, "a.industry", query.industry() == null ? null : query.industry().name());
		equal(sql, args, "a.province_code", StringUtils.hasText(query.provinceCode()) ? query.provinceCode() : null);
		equal(sql, args, "a.owner_user_id", query.ownerUserId());
		if (query.ownerUnitId() != null) {
			in(sql, args, "a.owner_unit_id", organisation.unitAndDescendants(query.ownerUnitId()));
		}
		if (StringUtils.hasText(query.tag())) {
			String tag = query.tag().trim();
			sql.append(" and (a.tags = ? or a.tags like ? or a.tags like ? or a.tags like ?)");
			args.addAll(List.of(tag, tag + ",%", "%," + tag, "%," + tag + ",%"));
		}
		equal(sql, args, "a.key_account", query.keyAccount());
		return sql.toString();
	}

	private static void equal(StringBuilder sql, List<Object> args, String column, Object value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			args.add(value);
		}
	}

	private static void in(StringBuilder sql, List<Object> args, String column, Collection<?> values) {
		if (values.isEmpty()) {
			sql.append(" and 1 = 0");
			return;
		}
		sql.append(" and ").append(column).append(" in (")
			.append(String.join(",", Collections.nCopies(values.size(), "?"))).append(')');
		args.addAll(values);
	}

	private static String orderBy(Sort sort) {
		if (sort.isUnsorted()) {
			return "";
		}
		List<String> orders = new ArrayList<>();
		for (Sort.Order order : sort) {
			String column = COLUMNS.get(order.getProperty());
			if (column == null) {
				throw new IllegalArgumentException("the account list cannot sort by " + order.getProperty());
			}
			orders.add(column + (order.isDescending() ? " desc" : " asc"));
		}
		return " order by " + String.join(", ", orders);
	}

}
