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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class AdminPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	private RequestPostProcessor admin() {
		return DemoUsers.as(staff, "admin");
	}

	private long unitId(String name) {
		return jdbc.queryForObject("select id from org_unit where name = ?", Long.class, name);
	}

	@Test
	void anInvalidMobileNumberIsShownUnderItsFieldAndNothingIsSaved() throws Exception {
		mvc.perform(post("/admin/users").with(admin()).with(csrf())
			.param("username", "newsales")
			.param("displayName", "新销售")
			.param("mobile", "12345")
			.param("unitId", String.valueOf(unitId("华东销售组")))
			.param("password", "Welcome2026")
			.param("confirmPassword", "Welcome2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不是有效的中国大陆手机号")))
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'newsales'", Long.class))
			.isZero();
	}

	@Test
	void aWeakPasswordIsRefusedWithThePolicy() throws Exception {
		mvc.perform(post("/admin/users").with(admin()).with(csrf())
			.param("username", "weakling")
			.param("displayName", "弱密码")
			.param("unitId", String.valueOf(unitId("华东销售组")))
			.param("password", "abcdefgh")
			.param("confirmPassword", "abcdefgh"))
			.andExpect(content().string(containsString("密码须同时包含字母和数字")));
	}

	@Test
	void aStaleUnitFormIsRefusedAndTheNewerNameKept() throws Exception {
		long id = unitId("客户服务部");
		long version = jdbc.queryForObject("select version from org_unit where id = ?", Long.class, id);
		long parent = jdbc.queryForObject("select parent_id from org_unit where id = ?", Long.class, id);
		mvc.perform(post("/admin/units/" + id).with(admin()).with(csrf())
			.param("name", "客户服务中心").param("type", "DEPARTMENT").param("parentId", String.valueOf(parent))
			.param("sortOrder", "4").param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/admin/units"));

		mvc.perform(post("/admin/units/" + id).with(admin()).with(csrf())
			.param("name", "过时的名称").param("type", "DEPARTMENT").param("parentId", String.valueOf(parent))
			.param("sortOrder", "4").param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此记录已被他人修改")));
		assertThat(jdbc.queryForObject("select name from org_unit where id = ?", String.class, id))
			.isEqualTo("客户服务中心");
	}

	@Test
	void aUnitWithActiveUsersCannotBeDisabled() throws Exception {
		long id = unitId("财务部");
		mvc.perform(post("/admin/units/" + id + "/enabled").param("enabled", "false").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/units"));
		assertThat(jdbc.queryForObject("select enabled from org_unit where id = ?", Boolean.class, id)).isTrue();
	}

	@Test
	void theUserListAnswersHtmxWithTheResultsFragmentOnly() throws Exception {
		mvc.perform(get("/admin/users").param("keyword", "chen").header("HX-Request", "true").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("陈静")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("黄婷"))))
			.andExpect(content().string(not(containsString("没有符合条件的用户"))));
		mvc.perform(get("/admin/users").param("keyword", "chen").with(admin()))
			.andExpect(content().string(containsString("<html")));
	}

	@Test
	void switchingToEnglishIsRememberedOnTheUser() throws Exception {
		mvc.perform(get("/admin/units").param("lang", "en").with(DemoUsers.as(staff, "wumin")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/").param("lang", "en").with(DemoUsers.as(staff, "zhoufang")))
			.andExpect(content().string(containsString("Workbench")));
		assertThat(jdbc.queryForObject("select locale from app_user where username = 'zhoufang'", String.class))
			.isEqualTo("en");
		mvc.perform(get("/").with(DemoUsers.as(staff, "zhoufang")))
			.andExpect(content().string(containsString("Workbench")));
	}

	@Test
	void everyChangeShowsInTheAuditTrail() throws Exception {
		mvc.perform(post("/admin/positions").param("name", "售前工程师").with(admin()).with(csrf()));
		mvc.perform(get("/admin/audit").param("entityType", "PositionTitle").with(admin()))
			.andExpect(content().string(containsString("售前工程师")));
	}

}
