package io.keyaccount.platform;

import java.util.Set;

import org.springframework.security.core.userdetails.UserDetailsService;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.RoleCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.support.DemoUsers;

/**
 * Test staff of the demo company, each with a role of his own:
 * {@code StaffMother.user("salesA").withPermissions("customer.view").create(organisation, staff)}.
 */
public final class StaffMother {

	public static final String PASSWORD = "Kx7-meadow-2026";

	private final String username;

	private Set<String> permissions = Set.of();

	private StaffMother(String username) {
		this.username = username;
	}

	/** A new user whose name starts with {@code prefix} and is unique in the run. */
	public static StaffMother user(String prefix) {
		return new StaffMother(prefix.toLowerCase() + System.nanoTime() % 1_000_000_000L);
	}

	public StaffMother withPermissions(String... permissions) {
		this.permissions = Set.of(permissions);
		return this;
	}

	/** Creates the user (and his role) as the demo administrator. */
	public User create(Organisation organisation, UserDetailsService staff) {
		DemoUsers.signIn(staff, "admin");
		try {
			Role role = role(organisation, username, permissions);
			long unit = organisation.unitTree().get(0).id();
			return organisation.createUser(new NewUserCommand(username, PASSWORD, new UserProfileCommand(
					"测试" + username, null, null, unit, null, null, Set.of(role.getId()))));
		}
		finally {
			DemoUsers.signOut();
		}
	}

	/** Another role of the demo company, for giving a user other rights. */
	public static Role role(Organisation organisation, String name, Set<String> permissions) {
		return organisation.createRole("R_" + name.toUpperCase().replaceAll("[^A-Z0-9]", "_"),
				new RoleCommand("角色" + name, DataScope.ALL, permissions));
	}

}
