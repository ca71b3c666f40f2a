package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The account list as a user pages, sorts and acts on it. */
@KeyaccountTest
class AccountListPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerManagement customers;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	/** 25 accounts of 郑凯's with a tag of their own: three pages of ten. */
	private String twentyFiveTagged(String prefix) {
		String tag = prefix + System.nanoTime() % 1_000_000;
		DemoUsers.signIn(staff, "zhengkai");
		for (int i = 1; i <= 25; i++) {
			AccountFacts facts = AccountMother.account(String.format("%s分页测试%02d有限公司", prefix, i)).facts();
			customers.create(new AccountFacts(facts.name(), null, null, null, facts.industry(), facts.provinceCode(),
					facts.cityCode(), null, null, null, null, null, null, null, facts.status(), null, null, Set.of(tag)),
					null, null, true);
		}
		DemoUsers.signOut();
		return tag;
	}

	private String page(String tag, String... params) throws Exception {
		var request = get("/customers/accounts").param("view", "MINE").param("tag", tag).param("size", "10")
			.param("sort", "name");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(DemoUsers.as(staff, "zhengkai")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void pagesCountFromOneInTheLinkAsOnTheScreenWithNumbersAndAJump() throws Exception {
		String tag = twentyFiveTagged("嘉兴");
		String first = page(tag);
		assertThat(first).contains("共 25 条，第 1/3 页", "嘉兴分页测试01有限公司", "嘉兴分页测试10有限公司")
			.doesNotContain("嘉兴分页测试11有限公司")
			// links to pages 2 and 3 by their numbers, and a "go to page" form that keeps the filter
			.containsPattern("href=\"[^\"]*page=2[^\"]*\">2</a>")
			.containsPattern("href=\"[^\"]*page=3[^\"]*\">3</a>")
			.contains("跳至", "name=\"tag\" value=\"" + tag + "\"");
		String second = page(tag, "page", "2");
		assertThat(second).contains("共 25 条，第 2/3 页", "嘉兴分页测试11有限公司", "嘉兴分页测试20有限公司")
			.doesNotContain("嘉兴分页测试10有限公司");
	}

	@Test
	void aBulkReleaseKeepsTheFilterAndTheHistoryShowsWhoReleasedItToThePoolAndWhy() throws Exception {
		DemoUsers.signIn(staff, "liming");
		long id = customers.create(AccountMother.account("嘉兴放入公海测试有限公司").facts(), null, null, true);
		DemoUsers.signOut();
		String list = "/customers/accounts?view=MINE&keyword=%E5%98%89%E5%85%B4&sort=name";
		String page = mvc.perform(get("/customers/accounts?view=MINE&keyword=嘉兴&sort=name")
			.with(DemoUsers.as(staff, "liming")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"reason\"", "name=\"back\" value=\"" + list.replace("&", "&amp;") + "\"");
		mvc.perform(post("/customers/pool/release").with(csrf()).with(DemoUsers.as(staff, "liming"))
			.param("ids", String.valueOf(id))
			.param("reason", "客户已停业")
			.param("back", list))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(list));
		String history = mvc.perform(get("/customers/accounts/" + id).param("tab", "team")
			.with(DemoUsers.as(staff, "wangjianguo")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).containsPattern("李明</span> → <span>公海")
			.contains("操作人：李明", "原因：客户已停业");
	}

	@Test
	void aPagePastTheEndShowsTheLastPage() throws Exception {
		String tag = twentyFiveTagged("湖州");
		for (String past : new String[] { "4", "16", "2147483647" }) {
			assertThat(page(tag, "page", past)).as(past)
				.contains("共 25 条，第 3/3 页", "湖州分页测试21有限公司", "湖州分页测试25有限公司")
				.doesNotContain("第 17/", "湖州分页测试20有限公司");
		}
		assertThat(page(tag, "page", "0")).contains("第 1/3 页", "湖州分页测试01有限公司");
	}

}
