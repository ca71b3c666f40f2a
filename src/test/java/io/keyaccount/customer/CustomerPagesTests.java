package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class CustomerPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	private long keyAccountId() {
		return jdbc.queryForObject("select min(id) from account where key_account = true and deleted_at is null",
				Long.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "overview", "contacts", "followups", "team" })
	void everyTabOfTheAccountPageRenders(String tab) throws Exception {
		mvc.perform(get("/customers/accounts/" + keyAccountId()).param("tab", tab).with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("重点客户")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/customers/accounts", "/customers/accounts?view=MINE", "/customers/accounts?view=TEAM",
			"/customers/accounts?view=UNIT&status=CUSTOMER&sort=name&dir=desc", "/customers/accounts/new",
			"/customers/contacts", "/customers/pool", "/customers/settings", "/customers/handover", "/" })
	void theCustomerPagesRenderForTheAdministrator(String path) throws Exception {
		mvc.perform(get(path).with(DemoUsers.as(staff, "admin"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void theAccountFormShowsAnInvalidCreditCodeUnderItsField() throws Exception {
		mvc.perform(post("/customers/accounts").with(DemoUsers.as(staff, "liuyang")).with(csrf())
			.param("name", "杭州表单校验测试有限公司")
			.param("creditCode", "91330100MA27XK5X1A")
			.param("status", "INTENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不是有效的统一社会信用代码")));
		assertThat(jdbc.queryForObject("select count(*) from account where name = '杭州表单校验测试有限公司'", Long.class))
			.isZero();
	}

	@Test
	void aSalespersonLogsAFollowUpFromTheAccountPage() throws Exception {
		long id = jdbc.queryForObject(
				"select min(a.id) from account a join app_user u on u.id = a.owner_user_id where u.username = 'liuyang' and a.in_pool = false and exists (select 1 from contact c where c.account_id = a.id)",
				Long.class);
		long contact = jdbc.queryForObject("select min(id) from contact where account_id = ?", Long.class, id);
		String contactName = jdbc.queryForObject("select name from contact where id = ?", String.class, contact);
		mvc.perform(post("/customers/accounts/" + id + "/follow-ups").with(DemoUsers.as(staff, "liuyang")).with(csrf())
			.param("kind", "VISIT").param("summary", "现场演示光猫新品").param("contactIds", String.valueOf(contact)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/customers/accounts/" + id).param("tab", "followups").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(content().string(containsString("现场演示光猫新品")))
			.andExpect(content().string(containsString(contactName)));
	}

	@Test
	void theListAnswersHtmxWithTheResultsOnlyAndFindsByPinyinInitials() throws Exception {
		mvc.perform(post("/customers/accounts").with(DemoUsers.as(staff, "admin")).with(csrf())
			.param("name", "杭州明华检索测试有限公司").param("status", "INTENT").param("duplicatesConfirmed", "true"));
		mvc.perform(get("/customers/accounts").param("keyword", "hzmhjs").header("HX-Request", "true")
			.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("杭州明华检索测试有限公司")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void aSavedViewBringsBackTheFiltersAndOnlyForItsOwner() throws Exception {
		mvc.perform(post("/saved-views").with(DemoUsers.as(staff, "huangting")).with(csrf())
			.param("screen", "accounts").param("path", "/customers/accounts").param("name", "我的成交客户")
			.param("query", "view=MINE&status=CUSTOMER&page=3"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/customers/accounts").with(DemoUsers.as(staff, "huangting")))
			.andExpect(content().string(containsString("我的成交客户")))
			.andExpect(content().string(containsString("/customers/accounts?view=MINE&amp;status=CUSTOMER\"")));
		mvc.perform(get("/customers/accounts").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(content().string(not(containsString("我的成交客户"))));
	}

	@Test
	void theEnglishListShowsNoChineseLabels() throws Exception {
		mvc.perform(get("/customers/accounts").param("lang", "en").with(DemoUsers.as(staff, "wangjianguo")))
			.andExpect(content().string(containsString("Next contact")))
			.andExpect(content().string(not(containsString("下次联系时间"))));
		mvc.perform(get("/customers/accounts").param("lang", "zh-CN").with(DemoUsers.as(staff, "wangjianguo")));
	}

}
