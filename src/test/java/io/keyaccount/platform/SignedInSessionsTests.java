package io.keyaccount.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.ApiTokens;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * A user's sessions and API tokens follow his rights at their next request: disabled or given a new password,
 * he is signed out; given other roles, he acts with the new ones.
 */
@KeyaccountTest
class SignedInSessionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	Organisation organisation;

	@Autowired
	ApiTokens tokens;

	@Test
	void aDisabledUsersOpenSessionIsSentToTheLoginPage() throws Exception {
		User user = StaffMother.user("disabled").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		MockHttpSession session = signIn(user.getUsername(), StaffMother.PASSWORD);
		mvc.perform(get("/customers/accounts").session(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/{id}/enabled", user.getId()).param("enabled", "false")
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf())).andExpect(status().is3xxRedirection());

		mvc.perform(get("/customers/accounts").session(session)).andExpect(redirectedUrl("/login?sessionEnded"));
		mvc.perform(get("/customers/accounts").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aDowngradedUsersOpenSessionLosesTheRightsAtOnce() throws Exception {
		User user = StaffMother.user("downgraded")
			.withPermissions(CustomerPermissions.VIEW, CustomerPermissions.EXPORT)
			.create(organisation, staff);
		MockHttpSession session = signIn(user.getUsername(), StaffMother.PASSWORD);
		mvc.perform(get("/customers/accounts/export").session(session)).andExpect(status().isOk());
		Role viewOnly = asAdmin(() -> StaffMother.role(organisation, "viewonly" + user.getId(),
				Set.of(CustomerPermissions.VIEW)));

		mvc.perform(post("/admin/users/{id}", user.getId()).param("displayName", user.getDisplayName())
			.param("unitId", String.valueOf(user.getUnitId()))
			.param("roleIds", String.valueOf(viewOnly.getId()))
			.param("version", String.valueOf(organisation.user(user.getId()).getVersion()))
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf())).andExpect(redirectedUrl("/admin/users"));

		mvc.perform(get("/customers/accounts/export").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/customers/accounts").session(session)).andExpect(status().isOk());
	}

	@Test
	void redefiningARoleChangesTheRightsOfEveryOpenSessionHoldingIt() throws Exception {
		User user = StaffMother.user("redefined")
			.withPermissions(CustomerPermissions.VIEW, CustomerPermissions.EXPORT)
			.create(organisation, staff);
		MockHttpSession session = signIn(user.getUsername(), StaffMother.PASSWORD);
		String token = tokens.issue(user.getId(), "集成", null).token();
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		long roleId = user.getRoleIds().iterator().next();

		asAdmin(() -> organisation.updateRole(roleId, new Organisation.RoleCommand("只能导出",
				organisation.role(roleId).getDataScope(), Set.of(CustomerPermissions.EXPORT)),
				organisation.role(roleId).getVersion()));

		mvc.perform(get("/customers/accounts").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPasswordResetEndsTheUsersSessionsAndTokens() throws Exception {
		User user = StaffMother.user("reset").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		MockHttpSession session = signIn(user.getUsername(), StaffMother.PASSWORD);
		String token = tokens.issue(user.getId(), "集成", null).token();

		mvc.perform(post("/admin/users/{id}/password", user.getId()).param("password", "Another-field-77")
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf())).andExpect(status().is3xxRedirection());

		mvc.perform(get("/customers/accounts").session(session)).andExpect(redirectedUrl("/login?sessionEnded"));
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void changingMyOwnPasswordKeepsThisSessionAndEndsMyOtherOnes() throws Exception {
		User user = StaffMother.user("own").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		MockHttpSession here = signIn(user.getUsername(), StaffMother.PASSWORD);
		MockHttpSession elsewhere = signIn(user.getUsername(), StaffMother.PASSWORD);

		mvc.perform(post("/profile/password").param("currentPassword", StaffMother.PASSWORD)
			.param("newPassword", "Lantern-river-58")
			.param("confirmPassword", "Lantern-river-58")
			.session(here)
			.with(csrf())).andExpect(redirectedUrl("/profile"));

		mvc.perform(get("/customers/accounts").session(here)).andExpect(status().isOk());
		mvc.perform(get("/customers/accounts").session(elsewhere)).andExpect(redirectedUrl("/login?sessionEnded"));
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		return session;
	}

	private <T> T asAdmin(java.util.function.Supplier<T> work) {
		DemoUsers.signIn(staff, "admin");
		try {
			return work.get();
		}
		finally {
			DemoUsers.signOut();
		}
	}

}
