package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
			.andExpect(redirectedUrl("/login?error"));
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
	void theApisRefusalsAnswerInTheClientsLanguageChineseByDefault() throws Exception {
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("需要有效的个人 API 令牌")));
		mvc.perform(get("/api/v1/me").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("需要有效的个人 API 令牌")));
		mvc.perform(get("/api/v1/me").header("Accept-Language", "en-US,en;q=0.9"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("A valid personal API token")));

		KeyaccountUser liuyang = (KeyaccountUser) staff.loadUserByUsername("liuyang");
		String token = tokens.issue(liuyang.userId(), "语言", 30).token();
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value("没有执行此操作的权限"));
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.message").value("You do not have the permission for this operation"));
	}

	@Test
	void everyAnswerCarriesTheSecurityHeadersAndHttpsAlsoHsts() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("object-src 'none'")))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=")));
		mvc.perform(get("/api/v1/me")).andExpect(header().exists("Content-Security-Policy"));
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
	/** The OpenAPI document is public on purpose: it describes the API, holds no data (docs/security.md). */
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
