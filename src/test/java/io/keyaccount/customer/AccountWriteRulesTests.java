package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.keyaccount.customer.ImportProgress.RowProblem;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * Who may change an account (docs/adr/0014): seeing the pool is not changing it, writes stay inside the data scope,
 * and an account the user may not see is never named to him. Each through the pages and the API where both exist.
 * Demo staff: liuyang, huangting (sales, own records), liming (sales director, sales department and below),
 * zhoufang (service, outside sales), sunwei (R&D, read only), admin (everything).
 */
@KeyaccountTest
class AccountWriteRulesTests {

	@Autowired
	CustomerManagement customers;

	@Autowired
	CustomerPool pool;

	@Autowired
	CustomerImports imports;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void speakChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
		LocaleContextHolder.resetLocaleContext();
	}

	// ---- the pool (item 3)

	@Test
	void aSalespersonSeesAPoolAccountButChangesItOnlyByClaimingIt() throws Exception {
		String name = unique("宁波公海只读测试有限公司");
		long id = createAs("huangting", AccountMother.account(name).facts());
		releaseAs("huangting", id);

		mvc.perform(get("/customers/accounts/" + id).with(as("liuyang"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/customers/accounts/" + id + "/edit"))))
			.andExpect(content().string(not(containsString("id=\"write-follow-up\""))));
		mvc.perform(get("/customers/accounts/" + id + "/edit").with(as("liuyang"))).andExpect(status().isForbidden());
		mvc.perform(post("/customers/accounts/" + id).with(as("liuyang")).with(csrf())
			.param("name", name + "改").param("status", "INTENT").param("version", String.valueOf(version(id))))
			.andExpect(status().isForbidden());
		mvc.perform(api(put("/api/v1/accounts/" + id), "liuyang")
			.content("{\"name\": \"" + name + "改\", \"version\": " + version(id) + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/customers/accounts/" + id + "/key-account").with(as("liuyang")).with(csrf())
			.param("keyAccount", "true")).andExpect(status().isForbidden());
		mvc.perform(api(post("/api/v1/accounts/" + id + "/contacts"), "liuyang").content("{\"name\": \"王公海\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/customers/accounts/" + id + "/team").with(as("liuyang")).with(csrf())
			.param("userId", String.valueOf(userId("liuyang"))).param("role", "SALES"))
			.andExpect(status().isForbidden());

		assertThat(jdbc.queryForObject("select name from account where id = ?", String.class, id)).isEqualTo(name);
		assertThat(jdbc.queryForObject("select key_account from account where id = ?", Boolean.class, id)).isFalse();
		assertThat(count("select count(*) from contact where account_id = ?", id)).isZero();
		assertThat(count("select count(*) from account_team_member where account_id = ?", id)).isZero();

		mvc.perform(post("/customers/pool/" + id + "/claim").with(as("liuyang")).with(csrf()));
		mvc.perform(get("/customers/accounts/" + id).with(as("liuyang")))
			.andExpect(content().string(containsString("/customers/accounts/" + id + "/edit")));
		mvc.perform(api(put("/api/v1/accounts/" + id), "liuyang")
			.content("{\"name\": \"" + name + "改\", \"version\": " + version(id) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.facts.name").value(name + "改"));
	}

	@Test
	void goingToThePoolEndsTheTeamAndSoDoesBeingClaimed() throws Exception {
		long released = createAs("huangting", AccountMother.account(unique("嘉兴团队解散测试有限公司")).facts());
		addToTeamAs("huangting", released, "liuyang");
		releaseAs("huangting", released);
		assertThat(count("select count(*) from account_team_member where account_id = ?", released)).isZero();

		// an account that went to the pool with its team, as before teams ended there
		long pooled = createAs("huangting", AccountMother.account(unique("湖州旧团队公海测试有限公司")).facts());
		addToTeamAs("huangting", pooled, "liuyang");
		jdbc.update("update account set in_pool = true where id = ?", pooled);
		mvc.perform(post("/customers/pool/" + pooled + "/claim").with(as("zhengkai")).with(csrf()));

		assertThat(jdbc.queryForObject("select owner_user_id from account where id = ?", Long.class, pooled))
			.isEqualTo(userId("zhengkai"));
		mvc.perform(get("/customers/accounts/" + pooled).with(as("liuyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts/" + pooled).with(as("liuyang"))).andExpect(status().isNotFound());
	}

	@Test
	void aTeamMemberWorksOnTheAccountButDoesNotGiveItAway() throws Exception {
		String name = unique("杭州团队协作测试有限公司");
		long id = createAs("huangting", AccountMother.account(name).facts());
		addToTeamAs("huangting", id, "liuyang");

		mvc.perform(api(put("/api/v1/accounts/" + id), "liuyang")
			.content("{\"name\": \"" + name + "\", \"phone\": \"0571-88000000\", \"version\": " + version(id) + "}"))
			.andExpect(status().isOk());
		mvc.perform(api(post("/api/v1/accounts/" + id + "/follow-ups"), "liuyang")
			.content("{\"kind\": \"VISIT\", \"summary\": \"团队成员拜访\"}")).andExpect(status().isCreated());
		mvc.perform(post("/customers/pool/release").with(as("liuyang")).with(csrf()).param("ids", String.valueOf(id)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/customers/accounts/" + id + "/team").with(as("liuyang")).with(csrf())
			.param("userId", String.valueOf(userId("zhengkai"))).param("role", "SALES"))
			.andExpect(status().isForbidden());

		assertThat(jdbc.queryForObject("select in_pool from account where id = ?", Boolean.class, id)).isFalse();
		assertThat(count("select count(*) from account_team_member where account_id = ?", id)).isOne();
	}

	// ---- writes outside the data scope (item 4)

	@Test
	void aHandoverMovesNoAccountsOfALeaverOutsideTheActorsScope() throws Exception {
		long serviceAccount = createAs("zhoufang", AccountMother.account(unique("绍兴客服交接测试有限公司")).facts());

		mvc.perform(post("/customers/handover").with(as("liming")).with(csrf())
			.param("fromUserId", String.valueOf(userId("zhoufang")))
			.param("toUserId", String.valueOf(userId("liuyang"))));

		assertThat(jdbc.queryForObject("select owner_user_id from account where id = ?", Long.class, serviceAccount))
			.isEqualTo(userId("zhoufang"));
	}

	@Test
	void accountsAreTransferredOnlyToStaffWithinTheActorsScope() throws Exception {
		long id = createAs("huangting", AccountMother.account(unique("温岭转移范围测试有限公司")).facts());

		mvc.perform(post("/customers/accounts/transfer").with(as("liming")).with(csrf())
			.param("ids", String.valueOf(id)).param("toUserId", String.valueOf(userId("zhoufang"))));
		assertThat(jdbc.queryForObject("select owner_user_id from account where id = ?", Long.class, id))
			.isEqualTo(userId("huangting"));

		mvc.perform(post("/customers/accounts/transfer").with(as("liming")).with(csrf())
			.param("ids", String.valueOf(id)).param("toUserId", String.valueOf(userId("zhengkai"))));
		assertThat(jdbc.queryForObject("select owner_user_id from account where id = ?", Long.class, id))
			.isEqualTo(userId("zhengkai"));
	}

	@Test
	void aLedgerImportRecordsNothingForAnAccountTheImporterCannotSeeAndDoesNotSayItExists() throws Exception {
		String hidden = unique("金华账本隐藏测试有限公司");
		String mine = unique("金华账本自有测试有限公司");
		createAs("huangting", AccountMother.account(hidden).facts());
		createAs("liuyang", AccountMother.account(mine).facts());
		String reference = "SCOPE-" + System.nanoTime();
		String csv = "客户名称,日期,金额,单号\n" + hidden + ",2025-03-01,1000," + reference + "-1\n" + mine
				+ ",2025-03-02,2000," + reference + "-2\n" + unique("根本不存在的公司") + ",2025-03-03,3000," + reference
				+ "-3\n";

		String check = mvc.perform(multipart("/value/ledger/import")
			.file(new MockMultipartFile("file", "ledger.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(as("liuyang")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		// the dry run tells the hidden company's row as it tells the one that does not exist
		assertThat(finishedJobPage(check, "liuyang")).contains("校验完成：共 3 行，1 行可以导入，2 行有问题")
			.containsPattern("(?s)<td[^>]*>2</td>\\s*<td[^>]*>找不到对应的客户</td>")
			.containsPattern("(?s)<td[^>]*>4</td>\\s*<td[^>]*>找不到对应的客户</td>");

		String imported = mvc.perform(post(check).with(as("liuyang")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(finishedJobPage(imported, "liuyang")).contains("已导入 1 行，2 行未导入");

		assertThat(jdbc.queryForList("select reference from value_transaction where reference like ? order by reference",
				String.class, reference + "%")).containsExactly(reference + "-2");
	}

	@Test
	void mergingAwayAnAccountNeedsTheDeletePermission() throws Exception {
		long kept = createAs("liuyang", AccountMother.account(unique("丽水合并保留测试有限公司")).facts());
		long merged = createAs("liuyang", AccountMother.account(unique("丽水合并删除测试有限公司")).facts());

		mvc.perform(post("/customers/accounts/" + kept + "/merge").with(as("liuyang")).with(csrf())
			.param("mergedId", String.valueOf(merged))).andExpect(status().isForbidden());

		assertThat(count("select count(*) from account where id = ? and deleted_at is null", merged)).isOne();
	}

	@Test
	void anAccountIsGivenOnlyToAnActiveOwnerWithinTheCreatorsScope() throws Exception {
		String name = unique("衢州负责人范围测试有限公司");
		mvc.perform(api(post("/api/v1/accounts"), "liuyang")
			.content("{\"name\": \"" + name + "\", \"ownerUserId\": " + userId("huangting") + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ownerUserId"))
			.andExpect(jsonPath("$.message").value(containsString("不在您的数据权限范围内")));
		mvc.perform(post("/customers/accounts").with(as("liuyang")).with(csrf())
			.param("name", name).param("status", "INTENT").param("ownerUserId", String.valueOf(userId("huangting"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不在您的数据权限范围内")));

		long disabled = disabledUser();
		mvc.perform(api(post("/api/v1/accounts"), "admin")
			.content("{\"name\": \"" + name + "\", \"ownerUserId\": " + disabled + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("已停用")));

		assertThat(count("select count(*) from account where name = ?", name)).isZero();
	}

	@Test
	void theReadOnlyRoleSeesATeamAccountButLogsNoFollowUps() throws Exception {
		long id = createAs("huangting", AccountMother.account(unique("台州只读跟进测试有限公司")).facts());
		addToTeamAs("huangting", id, "sunwei");

		mvc.perform(get("/customers/accounts/" + id).with(as("sunwei"))).andExpect(status().isOk());
		mvc.perform(post("/customers/accounts/" + id + "/follow-ups").with(as("sunwei")).with(csrf())
			.param("kind", "VISIT").param("summary", "只读角色的拜访")).andExpect(status().isForbidden());
		mvc.perform(api(post("/api/v1/accounts/" + id + "/follow-ups"), "sunwei")
			.content("{\"kind\": \"VISIT\", \"summary\": \"只读角色的拜访\"}")).andExpect(status().isForbidden());

		assertThat(count("select count(*) from follow_up where account_id = ?", id)).isZero();
	}

	// ---- names of hidden accounts (item 5)

	@Test
	void aHiddenParentIsAsUnknownAsAMissingOne() throws Exception {
		String parent = unique("舟山隐藏母公司测试集团有限公司");
		long parentId = createAs("huangting", AccountMother.account(parent).facts());
		String child = unique("舟山子公司测试有限公司");

		mvc.perform(api(post("/api/v1/accounts"), "liuyang")
			.content("{\"name\": \"" + child + "\", \"parentId\": " + parentId + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("上级公司不存在"))
			.andExpect(content().string(not(containsString(parent))));
		mvc.perform(post("/customers/accounts").with(as("liuyang")).with(csrf())
			.param("name", child).param("status", "INTENT").param("parentId", String.valueOf(parentId)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("上级公司不存在"), not(containsString(parent)))));

		assertThat(count("select count(*) from account where parent_id = ?", parentId)).isZero();
	}

	@Test
	void aCreditCodeHeldByAHiddenAccountIsNotNamed() throws Exception {
		String code = ImportSheet.creditCode();
		String holder = unique("温州信用代码隐藏测试有限公司");
		createAs("huangting", AccountMother.account(holder).withCreditCode(code).facts());
		String name = unique("温州另一家测试有限公司");

		mvc.perform(api(post("/api/v1/accounts"), "liuyang")
			.content("{\"name\": \"" + name + "\", \"creditCode\": \"" + code + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("统一社会信用代码 " + code + " 已被一个您无权查看的客户使用"));
		mvc.perform(post("/customers/accounts").with(as("liuyang")).with(csrf())
			.param("name", name).param("status", "INTENT").param("creditCode", code))
			.andExpect(content().string(allOf(containsString("已被一个您无权查看的客户使用"), not(containsString(holder)))));
		// whoever may see the holder is still told which account it is
		mvc.perform(api(post("/api/v1/accounts"), "liming")
			.content("{\"name\": \"" + name + "\", \"creditCode\": \"" + code + "\"}"))
			.andExpect(jsonPath("$.message").value(containsString(holder)));
	}

	@Test
	void theDuplicateScreenAndThePhoneCheckTellOfHiddenAccountsWithoutNamingThem() throws Exception {
		String hidden = unique("温州瓯海精工阀门测试有限公司");
		String phone = "0577-8" + String.valueOf(System.nanoTime()).substring(6, 13);
		createAs("huangting", AccountMother.account(hidden).withPhone(phone).facts());

		mvc.perform(post("/customers/accounts").with(as("liuyang")).with(csrf())
			.param("name", hidden.replace("有限公司", "股份有限公司")).param("status", "INTENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("一个您无权查看的客户"), not(containsString(hidden)),
					not(containsString(" · 黄婷")))));
		mvc.perform(post("/customers/accounts").with(as("liuyang")).with(csrf())
			.param("name", unique("毫不相干贸易测试有限公司")).param("phone", phone).param("status", "INTENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("一个您无权查看的客户"), not(containsString(hidden)),
					not(containsString(" · 黄婷")))));
	}

	@Test
	void anImportDryRunTellsOfHiddenAccountsWithoutNamingThem() {
		String code = ImportSheet.creditCode();
		String hidden = unique("嘉善导入隐藏测试有限公司");
		createAs("huangting", AccountMother.account(hidden).withCreditCode(code).facts());
		byte[] csv = ImportSheet.of("客户名称", "统一社会信用代码")
			.row(hidden.replace("有限公司", "股份有限公司"), "")
			.row(unique("嘉善另一家导入测试有限公司"), code)
			.csv();

		DemoUsers.signIn(staff, "liuyang");
		ImportProgress dryRun = imports.importNow("hidden.csv", new ByteArrayInputStream(csv),
				new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, true, false));

		List<String> reasons = dryRun.problems().stream().map(RowProblem::reasons).map(r -> String.join("", r)).toList();
		assertThat(reasons).hasSize(2)
			.allSatisfy(reason -> assertThat(reason).contains("您无权查看的客户").doesNotContain(hidden).doesNotContain("黄婷"));
	}

	// ---- helpers

	private static String unique(String name) {
		return ImportSheet.uniquePrefix() + name;
	}

	private RequestPostProcessor as(String username) {
		return DemoUsers.as(staff, username);
	}

	/** A ledger import's page once the job has finished (its outcome is shown). */
	private String finishedJobPage(String path, String username) {
		return await().pollInSameThread()
			.until(() -> mvc.perform(get(path).with(as(username))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8), page -> page.contains("id=\"import-outcome\""));
	}

	private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String username) {
		return request.with(as(username)).contentType(MediaType.APPLICATION_JSON);
	}

	private long createAs(String username, AccountFacts facts) {
		DemoUsers.signIn(staff, username);
		try {
			return customers.create(facts, null, null, true);
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private void releaseAs(String username, long id) {
		DemoUsers.signIn(staff, username);
		try {
			pool.release(List.of(id), "测试");
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private void addToTeamAs(String username, long id, String member) {
		DemoUsers.signIn(staff, username);
		try {
			customers.addTeamMember(id, userId(member), TeamRole.SERVICE);
		}
		finally {
			DemoUsers.signOut();
		}
	}

	/** A member of the sales department who has been disabled. */
	private long disabledUser() throws Exception {
		String username = "gone" + System.nanoTime() % 1_000_000_000;
		long unit = jdbc.queryForObject("select id from org_unit where name = '华东销售组'", Long.class);
		mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
			.param("username", username).param("displayName", "离职" + username).param("unitId", String.valueOf(unit))
			.param("password", "Qv7#plum-Harbor").param("confirmPassword", "Qv7#plum-Harbor"));
		long id = userId(username);
		mvc.perform(post("/admin/users/" + id + "/enabled").with(as("admin")).with(csrf()).param("enabled", "false"));
		return id;
	}

	private long userId(String username) {
		return ((KeyaccountUser) staff.loadUserByUsername(username)).userId();
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from account where id = ?", Long.class, id);
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

}
