package io.keyaccount.platform.organisation;

import java.util.Set;

/**
 * What a user may do changed: his roles, unit or enabled state, a role he holds, or his password
 * ({@code passwordChanged}, which also ends his API tokens). Signed-in sessions catch up at their next request.
 */
public record StaffAccessChanged(Set<Long> userIds, boolean passwordChanged) {

	static StaffAccessChanged rights(long userId) {
		return new StaffAccessChanged(Set.of(userId), false);
	}

}
