package io.keyaccount.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
 * The account list's page and its bounded count, as two SQL statements. The list is the page salespeople open
 * most; as a criteria query Hibernate translated both statements anew on every call, because it caches no query
 * plan in a session with a filter enabled and the tenant column is such a filter: 40% of a list call's time.
 * The conditions mean exactly what {@link CustomerManagement#specification(AccountQuery)} means (exports and the
 * keyword search use that); {@code AccountListingTests} holds the two to the same rows.
 */
@Component
class AccountListing {

	/** The list's sortable properties and their columns. */
	private static final Map<String, String> COLUMNS = Map.of("name", "a.name", "createdAt", "a.created_at",
			"updatedAt", "a.updated_at", "lastFollowUpAt", "a.last_follow_up_at", "nextFollowUpOn",
			"a.next_follow_up_on", "status", "a.status", "pooledAt", "a.pooled_at", "id", "a.id");

	private final EntityManager entityManager;

	private final Organisation organisation;

	AccountListing(EntityManager entityManager, Organisation organisation) {
		this.entityManager = entityManager;
		this.organisation = organisation;
	}

	/** A page of the accounts the query selects, for a user with this data scope; the query has no keyword. */
	BoundedPage<Account> page(AccountQuery query, VisibleRecords visible, Pageable pageable) {
		List<Object> args = new ArrayList<>();
		String where = where(query, visible, args);
		StringBuilder sql = new StringBuilder("select a.* from account a where ").append(where)
			.append(orderBy(pageable.getSort()));
		List<Object> rowArgs = new ArrayList<>(args);
		if (pageable.isPaged()) {
			sql.append(" offset ? rows fetch first ? rows only");
			rowArgs.add(pageable.getOffset());
			rowArgs.add(pageable.getPageSize() + 1);
		}
		NativeQuery<Account> rows = entityManager.unwrap(org.hibernate.Session.class)
			.createNativeQuery(numbered(sql), Account.class)
			.addSynchronizedEntityClass(Account.class);
		bind(rows, rowArgs);
		List<Account> found = rows.getResultList();
		boolean hasNext = pageable.isPaged() && found.size() > pageable.getPageSize();
		List<Account> content = hasNext ? found.subList(0, pageable.getPageSize()) : found;
		return BoundedPages.bounded(pageable, content, hasNext, limit -> count(where, args, limit),
				BoundedPages.EXACT_UP_TO);
	}

	private long count(String where, List<Object> args, long limit) {
		List<Object> countArgs = new ArrayList<>(args);
		countArgs.add(limit);
		NativeQuery<Long> count = entityManager.unwrap(org.hibernate.Session.class)
			.createNativeQuery(numbered(new StringBuilder("select count(*) from (select a.id from account a where ")
				.append(where)
				.append(" fetch first ? rows only) t")), Long.class)
			.addSynchronizedEntityClass(Account.class);
		bind(count, countArgs);
		return count.getSingleResult();
	}

	private String where(AccountQuery query, VisibleRecords visible, List<Object> args) {
		if (StringUtils.hasText(query.keyword())) {
			throw new IllegalArgumentException("a keyword list is the search index's");
		}
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

	/** JPA ordinal parameters ({@code ?1, ?2, …}) for the JDBC-style marks of {@code sql}. */
	private static String numbered(StringBuilder sql) {
		StringBuilder out = new StringBuilder(sql.length() + 32);
		int n = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			out.append(c);
			if (c == '?') {
				out.append(++n);
			}
		}
		return out.toString();
	}

	private static void bind(NativeQuery<?> query, List<Object> args) {
		for (int i = 0; i < args.size(); i++) {
			query.setParameter(i + 1, args.get(i));
		}
	}

}
