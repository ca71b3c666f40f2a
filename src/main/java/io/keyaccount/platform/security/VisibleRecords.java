package io.keyaccount.platform.security;

import java.util.Set;

import org.springframework.data.jpa.domain.Specification;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.persistence.OwnedEntity;

/**
 * Which owned records a user may see: all of them, those owned inside some units (always including their
 * own), or only their own. Applied in queries, so lists, counts, exports and the API agree.
 */
public record VisibleRecords(DataScope scope, long userId, Set<Long> unitIds) {

	public boolean includes(Long ownerUserId, Long ownerUnitId) {
		return switch (scope) {
			case ALL -> true;
			case UNIT, UNIT_AND_BELOW -> userId == ownerUserId || unitIds.contains(ownerUnitId);
			case OWN -> userId == ownerUserId;
		};
	}

	public <T extends OwnedEntity> Specification<T> specification() {
		return (root, query, cb) -> switch (scope) {
			case ALL -> cb.conjunction();
			case UNIT, UNIT_AND_BELOW -> cb.or(cb.equal(root.get("ownerUserId"), userId),
					root.get("ownerUnitId").in(unitIds));
			case OWN -> cb.equal(root.get("ownerUserId"), userId);
		};
	}

	/** A SQL condition on the given owner columns, with its bind values appended to {@code args}. */
	public String sqlCondition(String ownerUserColumn, String ownerUnitColumn, java.util.List<Object> args) {
		switch (scope) {
			case ALL:
				return "1 = 1";
			case OWN:
				args.add(userId);
				return ownerUserColumn + " = ?";
			default:
				args.add(userId);
				if (unitIds.isEmpty()) {
					return ownerUserColumn + " = ?";
				}
				args.addAll(unitIds);
				String marks = String.join(",", java.util.Collections.nCopies(unitIds.size(), "?"));
				return "(" + ownerUserColumn + " = ? or " + ownerUnitColumn + " in (" + marks + "))";
		}
	}

}
