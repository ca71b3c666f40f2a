package io.keyaccount.platform.admin;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.PlatformPermissions;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * What a user administrator ({@code admin.users}) may do to users (docs/adr/0014). He may give a user only roles he
 * holds the rights of: every permission of the role is one of his, and the records its data scope opens to that
 * user, in that user's unit, are records his own scope covers (an own-records role opens none). He may manage —
 * edit, move, give or take roles, disable, unlock, reset the password of — only users all of whose roles he could
 * give them, himself included, so nobody raises his own rights, takes over a more powerful account, or sets up an
 * account that sees more than he does. An administrator (whose roles grant {@code admin.roles}, with which he could
 * give himself anything) may do it all: only administrators create, change or reset administrators. The actor's
 * rights are read from the database, not from his session.
 */
@Service
@Transactional
class UserAdministration {

	private final Organisation organisation;

	private final CurrentUser currentUser;

	UserAdministration(Organisation organisation, CurrentUser currentUser) {
		this.organisation = organisation;
		this.currentUser = currentUser;
	}

	User create(NewUserCommand command) {
		Rights rights = rights();
		rights.requireGrantable(command.profile().roleIds(), command.profile().unitId());
		return organisation.createUser(command);
	}

	User update(long id, UserProfileCommand command, long version) {
		Rights rights = rights();
		rights.requireManageable(organisation.user(id));
		rights.requireGrantable(command.roleIds(), command.unitId());
		return organisation.updateUser(id, command, version);
	}

	void setEnabled(long id, boolean enabled) {
		rights().requireManageable(organisation.user(id));
		organisation.setUserEnabled(id, enabled);
	}

	void unlock(long id) {
		rights().requireManageable(organisation.user(id));
		organisation.unlock(id);
	}

	void resetPassword(long id, String password) {
		rights().requireManageable(organisation.user(id));
		organisation.resetPassword(id, password);
	}

	/** A user the current user may manage, for his edit form; forbidden otherwise. */
	@Transactional(readOnly = true)
	User userToManage(long id) {
		User user = organisation.user(id);
		rights().requireManageable(user);
		return user;
	}

	/** The roles the current user may give to someone in his own unit, for the user form. */
	@Transactional(readOnly = true)
	List<Role> grantableRoles() {
		Rights rights = rights();
		return organisation.roles().stream().filter(role -> rights.mayGrant(role, rights.unitId())).toList();
	}

	private Rights rights() {
		Map<Long, Role> roles = organisation.rolesById();
		User me = organisation.user(currentUser.require().userId());
		Set<String> permissions = new HashSet<>();
		DataScope scope = DataScope.OWN;
		for (Long roleId : me.getRoleIds()) {
			Role role = roles.get(roleId);
			if (role != null) {
				permissions.addAll(role.getPermissions());
				scope = scope.widest(role.getDataScope());
			}
		}
		return new Rights(permissions, scope, me.getUnitId(), roles);
	}

	/** The units whose records a scope opens to a user of {@code unitId}; null for all of them. */
	private Set<Long> unitsOpened(DataScope scope, Long unitId) {
		return switch (scope) {
			case ALL -> null;
			case UNIT_AND_BELOW -> unitId == null ? Set.of() : organisation.unitAndDescendants(unitId);
			case UNIT -> unitId == null ? Set.of() : Set.of(unitId);
			case OWN -> Set.of();
		};
	}

	/** The acting user's own permissions and the units his scope covers, and the roles there are. */
	private final class Rights {

		private final Set<String> permissions;

		private final Set<Long> myUnits;

		private final long unitId;

		private final Map<Long, Role> roles;

		Rights(Set<String> permissions, DataScope scope, long unitId, Map<Long, Role> roles) {
			this.permissions = permissions;
			this.myUnits = unitsOpened(scope, unitId);
			this.unitId = unitId;
			this.roles = roles;
		}

		long unitId() {
			return unitId;
		}

		boolean administrator() {
			return permissions.contains(PlatformPermissions.ROLES);
		}

		/** Whether he may give this role to a user of that unit. */
		boolean mayGrant(Role role, Long unitId) {
			if (administrator()) {
				return true;
			}
			if (!permissions.containsAll(role.getPermissions())) {
				return false;
			}
			Set<Long> opened = unitsOpened(role.getDataScope(), unitId);
			return myUnits == null || opened != null && myUnits.containsAll(opened);
		}

		void requireGrantable(Collection<Long> roleIds, Long unitId) {
			for (Long roleId : roleIds) {
				Role role = roles.get(roleId);
				if (role != null && !mayGrant(role, unitId)) {
					throw new BusinessRuleException("roleIds", "user.roleNotGrantable", role.getName());
				}
			}
		}

		void requireManageable(User user) {
			for (Long roleId : user.getRoleIds()) {
				Role role = roles.get(roleId);
				if (role != null && !mayGrant(role, user.getUnitId())) {
					throw new AccessDeniedException("user " + user.getId() + " holds rights the current user does not");
				}
			}
		}

	}

}
