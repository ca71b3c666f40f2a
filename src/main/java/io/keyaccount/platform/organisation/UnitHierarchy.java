package io.keyaccount.platform.organisation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Which units sit below which, per tenant, kept in memory: every request with an "own unit and below" data scope
 * asks, and the tree changes only when an administrator adds or moves a unit. Changes made on this node are seen
 * at once; another node's within {@link #REFRESH}.
 */
@Component
class UnitHierarchy {

	static final Duration REFRESH = Duration.ofMinutes(1);

	private final OrgUnits units;

	private final Cache<Long, Map<Long, List<Long>>> childrenByTenant = Caffeine.newBuilder()
		.expireAfterWrite(REFRESH)
		.maximumSize(10_000)
		.build();

	UnitHierarchy(OrgUnits units) {
		this.units = units;
	}

	/** The unit and every unit below it, enabled or not. */
	Set<Long> unitAndDescendants(long unitId) {
		Map<Long, List<Long>> children = childrenByTenant.get(TenantContext.currentTenant(), tenant -> load());
		Set<Long> result = new LinkedHashSet<>();
		Deque<Long> todo = new ArrayDeque<>(List.of(unitId));
		while (!todo.isEmpty()) {
			Long next = todo.pop();
			if (result.add(next)) {
				todo.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return java.util.Collections.unmodifiableSet(result);
	}

	/**
	 * Forgets the current tenant's tree now and again when the transaction that changes it ends, so that no reader
	 * keeps a tree read before the change committed (or one the transaction rolled back).
	 */
	void changed() {
		long tenant = TenantContext.currentTenant();
		childrenByTenant.invalidate(tenant);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					childrenByTenant.invalidate(tenant);
				}
			});
		}
	}

	private Map<Long, List<Long>> load() {
		Map<Long, List<Long>> children = new HashMap<>();
		for (Object[] row : units.findIdsAndParents()) {
			if (row[1] != null) {
				children.computeIfAbsent((Long) row[1], parent -> new java.util.ArrayList<>()).add((Long) row[0]);
			}
		}
		children.replaceAll((parent, ids) -> List.copyOf(ids));
		return Map.copyOf(children);
	}

}
