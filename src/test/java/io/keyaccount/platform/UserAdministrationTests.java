package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * A user administrator (admin.users only) gives no rights he does not hold, and manages no one who holds more than
 * he does; only administrators make or touch administrators.
 */
@KeyaccountTest
class UserAdministrationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String PASSWORD = "Qv7#plum-Harbor";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	private String suffix;

	/** The user administrator of each test: admin.users and customer.view, own records only. */
	private String userAdmin;

	private long userAdminRole;

	@BeforeEach
	void aUserAdministrator() throws Exception {
		suffix = System.nanoTime() % 1_000_000 + "x" + SEQUENCE.incrementAndGet();
		userAdminRole = role("UA" + suffix, "OWN", "admin.users", "customer.view");
		userAdmin = "ua" + suffix;
		createUser(as("admin"), userAdmin, userAdminRole).andExpect(redirectedUrl("/admin/users"));
	}

	private RequestPostProcessor as(String username) {
		return DemoUsers.as(staff, username);
	}

	private long role(String code, String scope, String... permissions) throws Exception {
		MockHttpServletRequestBuilder request = post("/admin/roles").with(as("admin")).with(csrf())
			.param("code", code)
			.param("name", "角色" + code)
			.param("dataScope", scope)
			.param("version", "0");
		for (String permission : permissions) {
			request.param("permissions", permission);
		}
		mvc.perform(request).andExpect(redirectedUrl("/admin/roles"));
		return jdbc.queryForObject("select id from app_role where code = ?", Long.class, code.toUpperCase());
	}

	private ResultActions createUser(RequestPostProcessor by, String username, long roleId) throws Exception {
		return createUser(by, username, roleId, "华东销售组");
	}

	private ResultActions createUser(RequestPostProcessor by, String username, long roleId, String unit)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/admin/users").with(by).with(csrf())
			.param("username", username)
			.param("displayName", "用户" + username)
			.param("unitId", String.valueOf(unitId(unit)))
			.param("password", PASSWORD)
			.param("confirmPassword", PASSWORD);
		return mvc.perform(request.param("roleIds", String.valueOf(roleId)));
	}

	private long unitId(String name) {
		return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
	}

	private long userId(String username) {
		return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private long adminRole() {
		return jdbc.queryForObject("""
				select r.id from app_role r join app_user u on u.tenant_id = r.tenant_id
				where r.code = 'ADMIN' and u.username = 'admin'""", Long.class);
	}

	private List<Long> rolesOf(String username) {
		return jdbc.queryForList("select role_id from app_user_role where user_id = ? order by role_id", Long.class,
				userId(username));
	}

	@Test
	void aUserAdministratorCannotMakeHimselfAdministrator() throws Exception {
		long me = userId(userAdmin);
		mvc.perform(post("/admin/users/" + me).with(as(userAdmin)).with(csrf())
			.param("displayName", "用户" + userAdmin)
			.param("unitId", String.valueOf(unitId("华东销售组")))
			.param("roleIds", String.valueOf(userAdminRole), String.valueOf(adminRole()))
			.param("version", String.valueOf(jdbc.queryForObject("select version from app_user where id = ?",
					Long.class, me))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您不能授予角色")));

		assertThat(rolesOf(userAdmin)).containsExactly(userAdminRole);
	}

	@Test
	void aUserAdministratorCannotCreateAnAdministratorNorGiveAWiderDataScope() throws Exception {
		createUser(as(userAdmin), "made" + suffix, adminRole())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您不能授予角色")));
		long wider = role("UW" + suffix, "ALL", "customer.view");
		createUser(as(userAdmin), "wide" + suffix, wider)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您不能授予角色「角色UW" + suffix + "」")));

		assertThat(jdbc.queryForObject("select count(*) from app_user where username in (?, ?)", Long.class,
				"made" + suffix, "wide" + suffix)).isZero();
	}

	@Test
	void aUserAdministratorCannotResetDisableOrEditTheAdministrator() throws Exception {
		long admin = userId("admin");
		String hash = jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, admin);

		mvc.perform(post("/admin/users/" + admin + "/password").with(as(userAdmin)).with(csrf())
			.param("password", "Taken0ver#2026")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/" + admin + "/enabled").with(as(userAdmin)).with(csrf())
			.param("enabled", "false")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/" + admin).with(as(userAdmin))).andExpect(status().isForbidden());

		assertThat(jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, admin))
			.isEqualTo(hash);
		assertThat(jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, admin)).isTrue();
	}

	@Test
	void aUserAdministratorCannotResetTheGeneralManagersPasswordWhoseRightsHeLacks() throws Exception {
		mvc.perform(post("/admin/users/" + userId("wangjianguo") + "/password").with(as(userAdmin)).with(csrf())
			.param("password", "Taken0ver#2026")).andExpect(status().isForbidden());
	}

	@Test
	void aUserAdministratorManagesUsersWithRightsHeHoldsHimself() throws Exception {
		long viewer = role("UV" + suffix, "OWN", "customer.view");
		createUser(as(userAdmin), "made" + suffix, viewer).andExpect(redirectedUrl("/admin/users"));
		assertThat(rolesOf("made" + suffix)).containsExactly(viewer);

		mvc.perform(post("/admin/users/" + userId("made" + suffix) + "/password").with(as(userAdmin)).with(csrf())
			.param("password", "An0ther#Harbor")).andExpect(redirectedUrl("/admin/users/" + userId("made" + suffix)));
		mvc.perform(get("/admin/users/new").with(as(userAdmin)))
			.andExpect(content().string(containsString("角色UV" + suffix)))
			.andExpect(content().string(not(containsString("value=\"" + adminRole() + "\" id=\"roleIds"))));
	}

	@Test
	void aUserAdministratorOpensNoUnitHisOwnScopeDoesNotCover() throws Exception {
		long unitAdminRole = role("UU" + suffix, "UNIT", "admin.users", "customer.view");
		String unitAdmin = "uu" + suffix;
		createUser(as("admin"), unitAdmin, unitAdminRole).andExpect(redirectedUrl("/admin/users"));
		long unitViewer = role("UN" + suffix, "UNIT", "customer.view");

		createUser(as(unitAdmin), "south" + suffix, unitViewer, "华南销售组")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您不能授予角色「角色UN" + suffix + "」")));
		createUser(as(unitAdmin), "east" + suffix, unitViewer, "华东销售组").andExpect(redirectedUrl("/admin/users"));

		assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class, "south" + suffix))
			.isZero();
		assertThat(rolesOf("east" + suffix)).containsExactly(unitViewer);
	}

	@Test
	void theAdministratorGivesAnyRole() throws Exception {
		createUser(as("admin"), "boss" + suffix, adminRole()).andExpect(redirectedUrl("/admin/users"));
		assertThat(rolesOf("boss" + suffix)).containsExactly(adminRole());
	}

}
