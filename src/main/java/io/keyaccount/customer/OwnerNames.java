package io.keyaccount.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * The display names of the owners and owner units of the accounts on a page, read in one query for just those
 * users and units. The same names {@code Organisation.userNames()} and {@code unitNames()} give (the current
 * tenant's users and units that are not deleted), without loading every user of the tenant, with its roles, for
 * each page of 20 rows.
 */
@Component
class OwnerNames {

	private final JdbcTemplate jdbc;

	OwnerNames(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The names of the owners and owner units of these accounts. */
	Names of(Collection<Account> accounts) {
		Set<Long> users = new LinkedHashSet<>();
		Set<Long> units = new LinkedHashSet<>();
		for (Account a : accounts) {
			users.add(a.getOwnerUserId());
			units.add(a.getOwnerUnitId());
		}
		return of(users, units);
	}

	/** The names of these users and units; ids without a live user or unit are left out. */
	Names of(Collection<Long> userIds, Collection<Long> unitIds) {
		List<Long> users = userIds.stream().filter(Objects::nonNull).distinct().toList();
		List<Long> units = unitIds.stream().filter(Objects::nonNull).distinct().toList();
		Map<Long, String> userNames = new HashMap<>();
		Map<Long, String> unitNames = new HashMap<>();
		if (users.isEmpty() && units.isEmpty()) {
			return new Names(userNames, unitNames);
		}
		long tenant = TenantContext.currentTenant();
		List<Object> args = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		if (!users.isEmpty()) {
			parts.add("select 0 as kind, id, display_name as name from app_user where tenant_id = ?"
					+ " and deleted_at is null and id in (" + marks(users.size()) + ")");
			args.add(tenant);
			args.addAll(users);
		}
		if (!units.isEmpty()) {
			parts.add("select 1 as kind, id, name from org_unit where tenant_id = ? and deleted_at is null and id in ("
					+ marks(units.size()) + ")");
			args.add(tenant);
			args.addAll(units);
		}
		jdbc.query(String.join(" union all ", parts), rs -> {
			(rs.getInt(1) == 0 ? userNames : unitNames).put(rs.getLong(2), rs.getString(3));
		}, args.toArray());
		return new Names(userNames, unitNames);
	}

	private static String marks(int n) {
		return String.join(",", Collections.nCopies(n, "?"));
	}

	/** User and unit names by id. */
	record Names(Map<Long, String> users, Map<Long, String> units) {
	}

}
