package io.keyaccount.platform.organisation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.persistence.CacheInvalidation;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * The unit tree and the names of units and users, per tenant, kept in memory: every request with an "own unit and
 * below" data scope asks for the tree and every list page for names, while they change only when an administrator
 * edits the organisation. Changes made on this node are seen at once; another node's within {@link #REFRESH}.
 */
@Component
class OrganisationSnapshots {

	static final Duration REFRESH = Duration.ofMinutes(1);

	private final OrgUnits units;

	private final Users users;

	private final Cache<Long, Snapshot> byTenant = Caffeine.newBuilder()
		.expireAfterWrite(REFRESH)
		.maximumSize(10_000)
		.build();

	OrganisationSnapshots(OrgUnits units, Users users) {
		this.units = units;
		this.users = users;
	}

	/** The unit and every unit below it, enabled or not. */
	Set<Long> unitAndDescendants(long unitId) {
		Map<Long, List<Long>> children = current().children();
		Set<Long> result = new LinkedHashSet<>();
		Deque<Long> todo = new ArrayDeque<>(List.of(unitId));
		while (!todo.isEmpty()) {
			Long next = todo.pop();
			if (result.add(next)) {
				todo.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return Collections.unmodifiableSet(result);
	}

	/** Every unit's name by id. */
	Map<Long, String> unitNames() {
		return current().unitNames();
	}

	/** Every user's display name by id. */
	Map<Long, String> userNames() {
		return current().userNames();
	}

	Map<Long, String> unitNames(Collection<Long> ids) {
		return pick(current().unitNames(), ids);
	}

	Map<Long, String> userNames(Collection<Long> ids) {
		return pick(current().userNames(), ids);
	}

	/**
	 * Forgets the current tenant's snapshot now and again when the transaction that changes the organisation ends,
	 * so that no reader keeps one read before the change committed (or one the transaction rolled back).
	 */
	void changed() {
		long tenant = TenantContext.currentTenant();
		CacheInvalidation.forgetNowAndWhenTransactionEnds(() -> byTenant.invalidate(tenant));
	}

	private Snapshot current() {
		return byTenant.get(TenantContext.currentTenant(), tenant -> load());
	}

	private Snapshot load() {
		Map<Long, List<Long>> children = new HashMap<>();
		Map<Long, String> unitNames = new HashMap<>();
		for (Object[] row : units.findIdsParentsAndNames()) {
			unitNames.put((Long) row[0], (String) row[2]);
			if (row[1] != null) {
				children.computeIfAbsent((Long) row[1], parent -> new ArrayList<>()).add((Long) row[0]);
			}
		}
		children.replaceAll((parent, ids) -> List.copyOf(ids));
		Map<Long, String> userNames = new HashMap<>();
		users.findIdsAndNames().forEach(row -> userNames.put((Long) row[0], (String) row[1]));
		// unmodifiable views rather than Map.copyOf: callers look names up by ids that may be null
		return new Snapshot(Collections.unmodifiableMap(children), Collections.unmodifiableMap(unitNames),
				Collections.unmodifiableMap(userNames));
	}

	private static Map<Long, String> pick(Map<Long, String> names, Collection<Long> ids) {
		Map<Long, String> picked = new HashMap<>();
		for (Long id : ids) {
			String name = id == null ? null : names.get(id);
			if (name != null) {
				picked.put(id, name);
			}
		}
		return picked;
	}

	private record Snapshot(Map<Long, List<Long>> children, Map<Long, String> unitNames,
			Map<Long, String> userNames) {
	}

}
