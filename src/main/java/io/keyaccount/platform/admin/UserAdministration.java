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
 * What a user administrator ({@code admin.users}) may do to users (docs/adr/0014). He may give only roles he could
 * hold as they are: every permission of the role is one of his, and its data scope is no wider than his. He may
 * manage — edit, give or take roles, disable, unlock, reset the password of — only users all of whose roles he could
 * give, himself included, so nobody raises his own rights or takes over a more powerful account. An administrator
 * (whose roles grant {@code admin.roles}, with which he could give himself anything) may give every role and
 * manage everyone: only administrators create, change or reset administrators. The actor's rights are read from
 * the database, not from his session.
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
		rights.requireGrantable(command.profile().roleIds());
		return organisation.createUser(command);
	}

	User update(long id, UserProfileCommand command, long version) {
		Rights rights = rights();
		rights.requireManageable(organisation.user(id));
		rights.requireGrantable(command.roleIds());
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

	/** The roles the current user may give, for the user form. */
	@Transactional(readOnly = true)
	List<Role> grantableRoles() {
		Rights rights = rights();
		return organisation.roles().stream().filter(rights::mayGrant).toList();
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
		return new Rights(permissions, scope, roles);
	}

	/** The acting user's own permissions and data scope, and the roles there are. */
	private record Rights(Set<String> permissions, DataScope scope, Map<Long, Role> roles) {

		boolean administrator() {
			return permissions.contains(PlatformPermissions.ROLES);
		}

		boolean mayGrant(Role role) {
			return administrator() || permissions.containsAll(role.getPermissions())
					&& role.getDataScope().ordinal() <= scope.ordinal();
		}

		void requireGrantable(Collection<Long> roleIds) {
			for (Long roleId : roleIds) {
				Role role = roles.get(roleId);
				if (role != null && !mayGrant(role)) {
					throw new BusinessRuleException("roleIds", "user.roleNotGrantable", role.getName());
				}
			}
		}

		void requireManageable(User user) {
			for (Long roleId : user.getRoleIds()) {
				Role role = roles.get(roleId);
				if (role != null && !mayGrant(role)) {
					throw new AccessDeniedException("user " + user.getId() + " holds rights the current user does not");
				}
			}
		}

	}

}
