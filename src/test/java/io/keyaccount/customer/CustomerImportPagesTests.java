package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.RoleCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The import pages, the import API and the list exports, as a browser or an API client uses them. */
@KeyaccountTest
class CustomerImportPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Organisation organisation;

	@Test
	void theTemplateDownloadsWithChineseHeadersAndParsesBackIntoAGoodRow() throws Exception {
		byte[] template = mvc.perform(get("/customers/import/template").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<List<String>> rows = ImportSheet.read(template, 0);
		assertThat(rows.get(0)).startsWith("客户名称", "简称", "统一社会信用代码", "外部编号", "行业", "省份", "城市")
			.contains("员工人数", "年营业收入（元）", "企业性质", "客户状态", "采购方式", "采购模式", "标签", "负责人（用户名）", "联系人姓名", "职务",
					"手机", "邮箱");
		assertThat(rows.get(1)).contains("通信", "浙江", "杭州", "统一采购", "liuyang");
		assertThat(ImportSheet.read(template, 1)).anySatisfy(row -> assertThat(row).contains("客户状态"));

		MvcResult uploaded = mvc.perform(multipart("/customers/import")
			.file(new MockMultipartFile("file", "模板.xlsx", "application/octet-stream", template))
			.param("mode", "ALL_OR_NOTHING")
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		String mappingPage = uploaded.getResponse().getRedirectedUrl();
		String page = mvc.perform(get(mappingPage).with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("核对列的对应关系", "杭州明华光电科技有限公司").doesNotContain("name-missing");
		assertThat(page.split("selected=\"selected\"", -1)).hasSize(rows.get(0).size() + 1);
	}

	@Test
	void aUserChecksMapsConfirmsAndFollowsTheImportToItsSummary() throws Exception {
		String prefix = ImportSheet.uniquePrefix();
		byte[] csv = ImportSheet.of("公司", "行业", "手机", "联系人姓名")
			.row(prefix + "金华义乌小商品有限公司", "批发零售", ImportSheet.mobile(), "吴一")
			.row(prefix + "舟山海洋渔业有限公司", "不存在的行业", "", "")
			.csv();
		String mapping = mvc.perform(multipart("/customers/import")
			.file(new MockMultipartFile("file", "客户.csv", "text/csv", csv))
			.param("mode", "KEEP_GOOD_ROWS")
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		String uploadId = mapping.replaceAll(".*/import/([^?]+).*", "$1");
		mvc.perform(get(mapping).with(DemoUsers.as(staff, "liuyang")))
			.andExpect(content().string(containsString("id=\"name-missing\"")));

		String checkJob = mvc.perform(post("/customers/import/" + uploadId + "/jobs")
			.param("columns", "NAME", "INDUSTRY", "CONTACT_MOBILE", "CONTACT_NAME")
			.param("mode", "KEEP_GOOD_ROWS")
			.param("dryRun", "true")
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String summary = awaitSummary(checkJob);
		assertThat(summary).contains("校验完成", "「不存在的行业」不是可选的值", "id=\"import-form\"", "data-confirm=\"确定导入")
			.doesNotContain("hx-trigger=\"every 1s\"");
		assertThat(jdbc.queryForObject("select count(*) from account where name like ?", Long.class, prefix + "%")).isZero();
		mvc.perform(get(checkJob + "/errors").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));

		String importJob = mvc.perform(post("/customers/import/" + uploadId + "/jobs")
			.param("columns", "NAME", "INDUSTRY", "CONTACT_MOBILE", "CONTACT_NAME")
			.param("mode", "KEEP_GOOD_ROWS")
			.param("dryRun", "false")
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(awaitSummary(importJob)).contains("导入完成：已导入 1 个客户、1 位联系人；1 行未导入");
		assertThat(jdbc.queryForObject("select industry from account where name = ?", String.class,
				prefix + "金华义乌小商品有限公司"))
			.isEqualTo("RETAIL");
		mvc.perform(get(importJob).with(DemoUsers.as(staff, "huangting"))).andExpect(status().isNotFound());
	}

	@Test
	void theUploadPageShowsTheTemplateLinkAndRefusesOtherFiles() throws Exception {
		mvc.perform(get("/customers/import").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/customers/import/template")));
		mvc.perform(multipart("/customers/import")
			.file(new MockMultipartFile("file", "客户.xls", "application/vnd.ms-excel", new byte[] { 1, 2 }))
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("只支持 .xlsx 和 .csv 文件")));
		mvc.perform(get("/customers/import").param("lang", "en").with(DemoUsers.as(staff, "wangjianguo")))
			.andExpect(content().string(containsString("Download the template")))
			.andExpect(content().string(not(containsString("下载导入模板"))));
		mvc.perform(get("/customers/import").param("lang", "zh-CN").with(DemoUsers.as(staff, "wangjianguo")));
	}

	@Test
	void theApiImportsWithTheCallersScopeAndAnswersAJsonReport() throws Exception {
		String prefix = ImportSheet.uniquePrefix();
		byte[] csv = ImportSheet.of("客户名称", "负责人", "统一社会信用代码")
			.row(prefix + "绍兴柯桥印染有限公司", "liuyang", ImportSheet.creditCode())
			.row(prefix + "绍兴上虞化工有限公司", "huangting", "")
			.row(prefix + "绍兴诸暨袜业有限公司", "", "91330100MA27XK5X1A")
			.csv();
		MockMultipartFile file = new MockMultipartFile("file", "accounts.csv", "text/csv", csv);

		mvc.perform(multipart("/api/v1/accounts/import").file(file).param("dryRun", "true")
			.with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SUCCEEDED"))
			.andExpect(jsonPath("$.goodRows").value(1))
			.andExpect(jsonPath("$.badRows").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].reasons[0]").value(containsString("不在您的数据权限范围内")))
			.andExpect(jsonPath("$.errorReportUrl").value(containsString("/errors")));
		mvc.perform(multipart("/api/v1/accounts/import").file(file).with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.importedAccounts").value(0));
		mvc.perform(multipart("/api/v1/accounts/import").file(file).param("keepGoodRows", "true")
			.with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.state").value("SUCCEEDED"))
			.andExpect(jsonPath("$.importedAccounts").value(1));

		assertThat(jdbc.queryForList("select u.username from account a join app_user u on u.id = a.owner_user_id where a.name like ?",
				String.class, prefix + "%"))
			.containsExactly("liuyang");
	}

	@Test
	void importingAndExportingNeedTheirPermissions() throws Exception {
		String username = "viewer" + System.nanoTime() % 100_000;
		DemoUsers.signIn(staff, "admin");
		try {
			var role = organisation.createRole("VIEW_ONLY_" + username.toUpperCase(),
					new RoleCommand("只读" + username, DataScope.ALL, Set.of(CustomerPermissions.VIEW)));
			long unit = organisation.unitTree().get(0).id();
			organisation.createUser(new NewUserCommand(username, DemoUsers.PASSWORD,
					new UserProfileCommand("只读用户", username + "@example.com", null, unit, null, null, Set.of(role.getId()))));
		}
		finally {
			DemoUsers.signOut();
		}
		MockMultipartFile file = new MockMultipartFile("file", "a.csv", "text/csv",
				ImportSheet.of("客户名称").row("只读用户导入测试有限公司").csv());

		mvc.perform(multipart("/api/v1/accounts/import").file(file).with(DemoUsers.as(staff, username)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/customers/import").with(DemoUsers.as(staff, username))).andExpect(status().isForbidden());
		mvc.perform(get("/customers/accounts/export").with(DemoUsers.as(staff, username))).andExpect(status().isForbidden());
		mvc.perform(get("/customers/accounts").with(DemoUsers.as(staff, username)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/customers/import"))));
	}

	@Test
	void theExportHoldsExactlyTheRowsOfTheFilteredList() throws Exception {
		byte[] export = mvc.perform(get("/customers/accounts/export").param("status", "CUSTOMER")
			.param("sort", "name").param("dir", "asc").with(DemoUsers.as(staff, "wangjianguo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = ImportSheet.read(export, 0);

		List<String> expected = jdbc.queryForList(
				"select name from account where status = 'CUSTOMER' and in_pool = false and deleted_at is null order by name, id",
				String.class);
		assertThat(rows.get(0)).startsWith("客户名称", "简称", "统一社会信用代码");
		assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0)).containsExactlyElementsOf(expected);
		assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.get(13)).isEqualTo("成交"));
	}

	@Test
	void aSalespersonsExportLacksTheirColleaguesAccounts() throws Exception {
		String colleagues = jdbc.queryForObject("""
				select min(a.name) from account a join app_user u on u.id = a.owner_user_id
				where u.username = 'huangting' and a.in_pool = false and a.deleted_at is null
				and not exists (select 1 from account_team_member t join app_user m on m.id = t.user_id
					where t.account_id = a.id and m.username = 'liuyang')""", String.class);
		assertThat(colleagues).isNotNull();

		List<String> liuyangs = exportedNames("liuyang");
		List<String> managers = exportedNames("wangjianguo");

		assertThat(liuyangs).isNotEmpty().doesNotContain(colleagues);
		assertThat(managers).contains(colleagues).containsAll(liuyangs);
		assertThat(liuyangs).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("""
				select a.name from account a join app_user u on u.id = a.owner_user_id
				where u.username = 'liuyang' and a.in_pool = false and a.deleted_at is null
				union
				select a.name from account a join account_team_member t on t.account_id = a.id join app_user u on u.id = t.user_id
				where u.username = 'liuyang' and a.in_pool = false and a.deleted_at is null""", String.class));
	}

	@Test
	void theContactExportFollowsTheContactListFilters() throws Exception {
		byte[] export = mvc.perform(get("/customers/contacts/export").param("buyingRole", "DECISION_MAKER")
			.with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = ImportSheet.read(export, 0);
		assertThat(rows.get(0)).startsWith("联系人姓名", "客户名称");
		assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.get(8)).isEqualTo("决策者"));
		mvc.perform(get("/customers/contacts").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(content().string(containsString("/customers/contacts/export")));
	}

	private List<String> exportedNames(String username) throws Exception {
		byte[] export = mvc.perform(get("/customers/accounts/export").param("view", "ALL").with(DemoUsers.as(staff, username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = ImportSheet.read(export, 0);
		return rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList();
	}

	private String awaitSummary(String jobPage) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		String fragment = "";
		while (Instant.now().isBefore(deadline)) {
			fragment = mvc.perform(get(jobPage).header("HX-Request", "true").with(DemoUsers.as(staff, "liuyang")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(fragment).doesNotContain("<html");
			if (!fragment.contains("hx-trigger")) {
				return mvc.perform(get(jobPage).with(DemoUsers.as(staff, "liuyang")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import did not finish: " + fragment);
	}

}
