package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.platform.security.ApiTokens;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void theLoginPageIsChineseByDefault() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("用户名")));
	}

	@Test
	void theDemoAdministratorSignsIn() throws Exception {
		mvc.perform(formLogin("/login").user("admin").password(DemoUsers.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("huangting").password("wrong" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user("huangting").password(DemoUsers.PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		jdbc.update("update app_user set locked_until = null, failed_logins = 0 where username = 'huangting'");
	}

	@Test
	void aUserWithoutThePermissionIsRefused() throws Exception {
		mvc.perform(get("/admin/users").with(DemoUsers.as(staff, "liuyang"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users").with(DemoUsers.as(staff, "admin"))).andExpect(status().isOk());
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/admin/positions").param("name", "测试岗位").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/positions").param("name", "测试岗位").with(DemoUsers.as(staff, "admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theApiNeedsAPersonalTokenAndStopsAcceptingItOnceRevoked() throws Exception {
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		KeyaccountUser liming = (KeyaccountUser) staff.loadUserByUsername("liming");
		ApiTokens.IssuedToken token = tokens.issue(liming.userId(), "测试", null);

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("liming"))
			.andExpect(jsonPath("$.dataScope").value("UNIT_AND_BELOW"));

		tokens.revoke(liming.userId(), token.id());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
			.andExpect(status().isUnauthorized());
		assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class,
				token.token())).isZero();
	}

	@Test
	void apiCallsWithoutThePermissionGetAJsonError() throws Exception {
		KeyaccountUser liuyang = (KeyaccountUser) staff.loadUserByUsername("liuyang");
		String token = tokens.issue(liuyang.userId(), "test", 30).token();
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
	}

	@Test
	void staffCannotEnterTheCustomerPortal() throws Exception {
		mvc.perform(get("/portal/orders").with(DemoUsers.as(staff, "admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/portal/orders")).andExpect(status().isUnauthorized());
	}

	@Test
	void healthAndTheOpenApiDocumentArePublicButMetricsAreNot() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/accounts']").exists());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(DemoUsers.as(staff, "admin"))).andExpect(status().isOk());
	}

	@Test
	void theSetupPageIsClosedOnceInstalled() throws Exception {
		mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void unknownPagesShowAFriendlyPageWithoutInternals() throws Exception {
		mvc.perform(get("/admin/users/999999").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("页面不存在")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
	}

}
