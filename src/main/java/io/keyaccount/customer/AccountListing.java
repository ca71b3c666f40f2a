package io.keyaccount.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountVisibility;
import io.keyaccount.customer.search.CustomerIndex;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.BoundedPage;
import io.keyaccount.platform.persistence.BoundedPages;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * The account list's page, a SQL statement read with JDBC, and its bounded count, which the search index counts
 * (SQL too while the index is rebuilt). The list is the page salespeople open most; as a criteria query Hibernate translated both statements anew on every call, because it
 * caches no query plan in a session with a filter enabled and the tenant column is such a filter (40% of a list
 * call's time), and as a native query returning entities it resolved the result mapping on every call (a fifth).
 * The conditions mean exactly what {@link CustomerManagement#specification(AccountQuery)} means (exports and the
 * keyword search use that), and the index's count the same; {@code AccountListingTests} holds them to the same rows
 * and totals.
 */
@Component
class AccountListing {

	/** The list's sortable properties and their columns. */
	private static final Map<String, String> COLUMNS = Map.of("name", "a.name_pinyin", "createdAt", "a.created_at",
			"updatedAt", "a.updated_at", "lastFollowUpAt", "a.last_follow_up_at", "nextFollowUpOn",
			"a.next_follow_up_on", "status", "a.status", "pooledAt", "a.pooled_at");

	/**
	 * Sort columns that may be empty: an empty one sorts last either way, on both databases (H2 puts nulls first
	 * in an ascending order, PostgreSQL last) and as the search index sorts a keyword's page.
	 */
	private static final Set<String> NULLABLE = Set.of("a.last_follow_up_at", "a.next_follow_up_on", "a.pooled_at");

	private static final String SELECT = "select a.id, a.name, a.short_name, a.status, a.industry, a.province_code,"
			+ " a.city_code, a.owner_user_id, a.owner_unit_id, a.key_account, a.tags, a.last_follow_up_at,"
			+ " a.next_follow_up_on, a.in_pool, a.created_at, a.version from account a where ";

	/**
	 * Indexes the page can be read in the order of (V6, V25, V41): columns the list's conditions may hold to one value,
	 * then a sort column. Ordered by those columns first, H2 walks the index and stops at the page's last row
	 * instead of sorting every matching account (it uses an index for the order only when the order by begins with
	 * the index's columns); PostgreSQL plans the same with or without them. AccountListingTests holds each to an
	 * index of the schema.
	 */
	static final List<List<String>> SORTED_INDEXES = List.of(
			List.of("a.tenant_id", "a.province_code", "a.status", "a.in_pool", "a.created_at"),
			List.of("a.tenant_id", "a.in_pool", "a.deleted_at", "a.updated_at"),
			List.of("a.tenant_id", "a.in_pool", "a.deleted_at", "a.created_at"),
			List.of("a.tenant_id", "a.in_pool", "a.deleted_at", "a.name_pinyin"));

	private final JdbcTemplate jdbc;

	private final Organisation organisation;

	private final CustomerIndex index;

	/** Above how many matching rows an index's order is walked though a filter outside it may skip most rows. */
	private final long denseAbove;

	@Autowired
	AccountListing(JdbcTemplate jdbc, Organisation organisation, CustomerIndex index) {
		this(jdbc, organisation, index, BoundedPages.EXACT_UP_TO);
	}

	AccountListing(JdbcTemplate jdbc, Organisation organisation, CustomerIndex index, long denseAbove) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.index = index;
		this.denseAbove = denseAbove;
	}

	/**
	 * A page of the accounts the query selects, for a user with this data scope. A keyword is the search index's:
	 * it finds the page's ids, then {@link #among} reads them.
	 */
	BoundedPage<ListedAccount> page(AccountQuery query, VisibleRecords visible, Pageable pageable) {
		Conditions where = where(query, visible);
		long countLimit = BoundedPages.countLimit(pageable, BoundedPages.EXACT_UP_TO);
		Long counted = null;
		List<String> leading = pageable.isPaged() ? leadingColumns(where, pageable.getSort()) : null;
		if (leading != null && !where.narrowed().stream().allMatch(leading::contains)) {
			// The index's order holds the page, but some filter outside it may leave few of its rows: walking it
			// could read the whole tenant to find them. Count first (the search index counts, cheaply), walk only
			// when the rows are many; otherwise the database finds them by the filter's own index and sorts them.
			counted = count(query, visible, where, countLimit);
			if (counted <= denseAbove) {
				leading = null;
			}
		}
		StringBuilder sql = new StringBuilder(SELECT).append(where.sql()).append(orderBy(pageable.getSort(), leading));
		List<Object> rowArgs = new ArrayList<>(where.args());
		if (pageable.isPaged()) {
			sql.append(" offset ? rows fetch first ? rows only");
			rowArgs.add(pageable.getOffset());
			rowArgs.add(pageable.getPageSize() + 1);
		}
		List<ListedAccount> found = jdbc.query(sql.toString(), AccountListing::listed, rowArgs.toArray());
		boolean hasNext = pageable.isPaged() && found.size() > pageable.getPageSize();
		List<ListedAccount> content = hasNext ? found.subList(0, pageable.getPageSize()) : found;
		Long known = counted;
		return BoundedPages.bounded(pageable, content, hasNext,
				limit -> known != null ? known : count(query, visible, where, limit), BoundedPages.EXACT_UP_TO);
	}

	/**
	 * The first {@code limit} of the accounts this user sees (全部, outside the pool) that have a next-contact date,
	 * the nearest first: overdue ones, then today's and the coming days'. Accounts without a date are not due.
	 */
	List<ListedAccount> dueForContact(VisibleRecords visible, int limit) {
		Conditions where = where(AccountQuery.all(), visible);
		List<Object> args = new ArrayList<>(where.args());
		args.add(limit);
		return jdbc.query(SELECT + where.sql() + " and a.next_follow_up_on is not null"
				+ " order by a.next_follow_up_on, a.id fetch first ? rows only", AccountListing::listed, args.toArray());
	}

	/**
	 * Those of these accounts (a page the search index found) that the query selects for a user with this data
	 * scope, by id; the index may be a moment behind the database, the database has the last word.
	 */
	Map<Long, ListedAccount> among(AccountQuery query, VisibleRecords visible, Collection<Long> ids) {
		Conditions where = where(query, visible);
		List<Object> args = new ArrayList<>(where.args());
		StringBuilder sql = new StringBuilder(SELECT).append(where.sql());
		in(sql, args, "a.id", ids);
		Map<Long, ListedAccount> found = new java.util.HashMap<>();
		jdbc.query(sql.toString(), (rs, row) -> listed(rs, row), args.toArray()).forEach(a -> found.put(a.id(), a));
		return found;
	}

	/**
	 * How many accounts the list has, counting no further than {@code limit}: by the search index, which holds the
	 * list's conditions and counts them faster than either database (AccountListingTests hold the two to the same
	 * totals); by SQL while the index is rebuilt.
	 */
	private long count(AccountQuery query, VisibleRecords visible, Conditions where, long limit) {
		return index.countAccounts(query, visible, where.ownerUnits(), limit).orElseGet(() -> sqlCount(where, limit));
	}

	private long sqlCount(Conditions where, long limit) {
		List<Object> countArgs = new ArrayList<>(where.args());
		countArgs.add(limit);
		Long count = jdbc.queryForObject("select count(*) from (select a.id from account a where " + where.sql()
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

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** What the list shows of an account. */
	record ListedAccount(long id, String name, String shortName, AccountStatus status, Industry industry,
			String provinceCode, String cityCode, long ownerUserId, long ownerUnitId, boolean keyAccount,
			Set<String> tags, Instant lastFollowUpAt, LocalDate nextFollowUpOn, boolean inPool, Instant createdAt,
			long version) {
	}

	/**
	 * The list's conditions: their SQL and arguments, the columns they hold to one value ({@code bound}) and the
	 * filters that narrow the list beyond the tenant, the view's pool side and the data scope ({@code narrowed}, a
	 * column each); the owner unit filter's units, with those below it (empty without that filter).
	 */
	private record Conditions(String sql, List<Object> args, Set<String> bound, Set<String> narrowed,
			Set<Long> ownerUnits) {
	}

	private Conditions where(AccountQuery query, VisibleRecords visible) {
		List<Object> args = new ArrayList<>();
		Set<String> bound = new HashSet<>(List.of("a.tenant_id", "a.deleted_at", "a.in_pool"));
		Set<String> narrowed = new HashSet<>();
		args.add(TenantContext.currentTenant());
		StringBuilder sql = new StringBuilder("a.tenant_id = ? and a.deleted_at is null and ");
		View view = query.view() == null ? View.ALL : query.view();
		switch (view) {
			case POOL -> sql.append("a.in_pool = true");
			case MINE -> {
				sql.append("a.in_pool = false and a.owner_user_id = ?");
				args.add(visible.userId());
				bound.add("a.owner_user_id");
				narrowed.add("a.owner_user_id");
			}
			case TEAM -> {
				sql.append("a.in_pool = false and ").append(AccountVisibility.onTeamOfSql(visible.userId(), "a", args));
				narrowed.add("a.id");
			}
			case UNIT -> {
				sql.append("a.in_pool = false and ").append(AccountVisibility.visibleToSql(visible, "a", args))
					.append(" and a.owner_user_id <> ?");
				args.add(visible.userId());
			}
			case ALL -> sql.append("a.in_pool = false and ").append(AccountVisibility.visibleToSql(visible, "a", args));
		}
		Filters filters = new Filters(sql, args, bound, narrowed);
		filters.equal("a.status", query.status() == null ? null : query.status().name());
		filters.equal("a.industry", query.industry() == null ? null : query.industry().name());
		filters.equal("a.province_code", StringUtils.hasText(query.provinceCode()) ? query.provinceCode() : null);
		filters.equal("a.owner_user_id", query.ownerUserId());
		Set<Long> ownerUnits = Set.of();
		if (query.ownerUnitId() != null) {
			ownerUnits = organisation.unitAndDescendants(query.ownerUnitId());
			in(sql, args, "a.owner_unit_id", ownerUnits);
			narrowed.add("a.owner_unit_id");
		}
		if (StringUtils.hasText(query.tag())) {
			String tag = query.tag().trim();
			sql.append(" and (a.tags = ? or a.tags like ? or a.tags like ? or a.tags like ?)");
			args.addAll(List.of(tag, tag + ",%", "%," + tag, "%," + tag + ",%"));
			narrowed.add("a.tags");
		}
		filters.equal("a.key_account", query.keyAccount());
		return new Conditions(sql.toString(), args, bound, narrowed, ownerUnits);
	}

	private record Filters(StringBuilder sql, List<Object> args, Set<String> bound, Set<String> narrowed) {

		void equal(String column, Object value) {
			if (value != null) {
				sql.append(" and ").append(column).append(" = ?");
				args.add(value);
				bound.add(column);
				narrowed.add(column);
			}
		}

	}

	/**
	 * The leading columns of an index in {@link #SORTED_INDEXES} that the conditions hold to one value and that
	 * the sort's first column follows, if there is such an index; null if not.
	 */
	private static List<String> leadingColumns(Conditions where, Sort sort) {
		Sort.Order first = sort.stream().findFirst().orElse(null);
		if (first == null) {
			return null;
		}
		String column = column(first);
		List<String> best = null;
		for (List<String> index : SORTED_INDEXES) {
			int next = 0;
			while (next < index.size() && where.bound().contains(index.get(next))) {
				next++;
			}
			if (next < index.size() && index.get(next).equals(column) && (best == null || next > best.size())) {
				best = index.subList(0, next);
			}
		}
		return best;
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

	/**
	 * The sort, after the index's {@code leading} columns (which the conditions hold to one value, so the rows'
	 * order is the same) when the page is to be read in that index's order, and then the id, so that rows with the
	 * same sort value keep their place from one page to the next.
	 */
	private static String orderBy(Sort sort, List<String> leading) {
		if (sort.isUnsorted()) {
			return "";
		}
		String direction = sort.iterator().next().isDescending() ? " desc" : " asc";
		List<String> orders = new ArrayList<>();
		if (leading != null) {
			leading.forEach(column -> orders.add(column + direction));
		}
		for (Sort.Order order : sort) {
			String column = column(order);
			orders.add(column + (order.isDescending() ? " desc" : " asc") + (NULLABLE.contains(column) ? " nulls last" : ""));
		}
		orders.add("a.id" + direction);
		return " order by " + String.join(", ", orders);
	}

	private static String column(Sort.Order order) {
		String column = COLUMNS.get(order.getProperty());
		if (column == null) {
			throw new IllegalArgumentException("the account list cannot sort by " + order.getProperty());
		}
		return column;
	}

}
