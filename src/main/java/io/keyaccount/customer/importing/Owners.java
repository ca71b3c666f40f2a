package io.keyaccount.customer.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.VisibleRecords;

/**
 * The staff an import may name as owner (负责人), by username or, when unique, by display name. Within the
 * importer's data scope only: a salesperson who sees their own records imports accounts for themselves.
 */
final class Owners {

	record Owner(long userId, long unitId, String displayName, boolean enabled) {
	}

	private final Map<String, Owner> byUsername = new HashMap<>();

	private final Map<String, Owner> byDisplayName = new HashMap<>();

	private final Map<Long, String> usernames = new HashMap<>();

	private final VisibleRecords scope;

	Owners(Iterable<User> users, VisibleRecords scope) {
		this.scope = scope;
		Set<String> ambiguous = new HashSet<>();
		for (User user : users) {
			Owner owner = new Owner(user.getId(), user.getUnitId(), user.getDisplayName(), user.isEnabled());
			byUsername.put(user.getUsername().toLowerCase(Locale.ROOT), owner);
			usernames.put(user.getId(), user.getUsername());
			if (byDisplayName.putIfAbsent(user.getDisplayName().trim(), owner) != null) {
				ambiguous.add(user.getDisplayName().trim());
			}
		}
		ambiguous.forEach(byDisplayName::remove);
	}

	Owner find(String text) {
		String trimmed = text.trim();
		Owner owner = byUsername.get(trimmed.toLowerCase(Locale.ROOT));
		return owner != null ? owner : byDisplayName.get(trimmed);
	}

	boolean inScope(Owner owner) {
		return scope.includes(owner.userId(), owner.unitId());
	}

	String username(long userId) {
		return usernames.getOrDefault(userId, "");
	}

}
