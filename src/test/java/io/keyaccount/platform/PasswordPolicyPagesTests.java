package io.keyaccount.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** Weak passwords are refused with a message wherever a password is set: user administration and the profile. */
@KeyaccountTest
class PasswordPolicyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	Organisation organisation;

	@Test
	void anAdministratorCannotGiveANewUserACommonPassword() throws Exception {
		String username = "weak" + System.nanoTime() % 100_000;
		mvc.perform(post("/admin/users").param("username", username)
			.param("displayName", "弱密码用户")
			.param("unitId", String.valueOf(rootUnit()))
			.param("password", "password1")
			.param("confirmPassword", "password1")
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("这是常见密码，很容易被猜中，请换一个")))
			.andExpect(content().string(containsString(username)));
	}

	@Test
	void aPasswordPaddedWithSpacesIsRefusedOnTheProfile() throws Exception {
		User user = StaffMother.user("padded").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		mvc.perform(post("/profile/password").param("currentPassword", StaffMother.PASSWORD)
			.param("newPassword", "a1      ")
			.param("confirmPassword", "a1      ")
			.with(DemoUsers.as(staff, user.getUsername()))
			.with(csrf()))
			.andExpect(flash().attribute("toastKey", "password.blankPadded"));
	}

	private long rootUnit() {
		DemoUsers.signIn(staff, "admin");
		try {
			return organisation.unitTree().get(0).id();
		}
		finally {
			DemoUsers.signOut();
		}
	}

}
