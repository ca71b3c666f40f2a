package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.keyaccount.platform.validation.ChineseIdentifiers;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * Input longer, larger or stranger than the application keeps is refused with a message that names the field, in
 * the user's language, and never answers 500: every limit is checked before the database sees the value.
 */
@KeyaccountTest
class BadInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest(name = "{0} of {1} characters")
	@CsvSource({ "shortName, 101, 简称不能超过 100 个字符", "phone, 31, 电话不能超过 30 个字符",
			"website, 201, 网址不能超过 200 个字符", "address, 301, 地址不能超过 300 个字符",
			"externalId, 65, 外部编号不能超过 64 个字符" })
	void anAccountTextLongerThanItsColumnIsRefusedOnItsField(String field, int length, String message)
			throws Exception {
		String name = "杭州超长" + field + "校验科技有限公司";
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "%s", "%s": "%s"}""".formatted(name, field, "8".repeat(length))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		assertThat(accountsNamed(name)).isZero();
	}

	@Test
	void tagsLongerTogetherThanTheirColumnAreRefusedInEnglishToo() throws Exception {
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			many.add("\"展会线索" + i + "\"");
		}
		mvc.perform(asSalesperson(post("/api/v1/accounts")).header(HttpHeaders.ACCEPT_LANGUAGE, "en").content("""
				{"name": "杭州标签过多科技有限公司", "tags": [%s]}""".formatted(String.join(",", many))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tags"))
			.andExpect(jsonPath("$.errors[0].message").value("Tags: at most 500 characters"));
	}

	@Test
	void aRevenueTheColumnCannotHoldIsRefused() throws Exception {
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "杭州营收过大科技有限公司", "annualRevenue": 1e17}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("annualRevenue"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("年营业收入（元）不能大于")));
		assertThat(accountsNamed("杭州营收过大科技有限公司")).isZero();
	}

	@Test
	void namesWhosePinyinOrInitialsAreLongerThanTheNameAreKept() throws Exception {
		// ﬀ is one character of the name and two letters of its initials; 壮 is six letters of pinyin
		String ligatures = "ﬀ".repeat(150);
		String chinese = "壮".repeat(170);
		for (String name : List.of(ligatures, chinese)) {
			mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
					{"name": "%s", "shortName": "%s"}""".formatted(name, "壮".repeat(100))))
				.andExpect(status().isCreated());
			assertThat(accountsNamed(name)).isOne();
		}
		// search keeps its own bounded terms of the whole name: by its characters, its pinyin and its initials
		for (String keyword : List.of("壮壮壮壮", "zhuangzhuangzhuang", "zzzzzz")) {
			mvc.perform(asSalesperson(get("/api/v1/accounts")).param("keyword", keyword))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[?(@.name == '%s')]".formatted(chinese)).exists());
		}
		assertThat(jdbc.queryForObject("select name_pinyin from account where name = ?", String.class, chinese))
			.hasSize(800)
			.startsWith("zhuangzhuang");
	}

	@Test
	void aCategorySpendTheColumnCannotHoldIsToldByToast() throws Exception {
		long account = jdbc.queryForObject("select min(id) from account where deleted_at is null", Long.class);
		mvc.perform(post("/value/accounts/" + account + "/profile").with(DemoUsers.as(staff, "admin")).with(csrf())
			.param("categorySpend", "1e17"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "validation.fieldTooLarge"));
	}

	@ParameterizedTest(name = "{0} of {1} characters")
	@CsvSource({ "name, 101, 姓名不能超过 100 个字符", "title, 101, 职务不能超过 100 个字符",
			"department, 101, 部门不能超过 100 个字符", "phone, 31, 座机不能超过 30 个字符",
			"wechat, 65, 微信不能超过 64 个字符", "workNotes, 1001, 工作情况不能超过 1000 个字符",
			"lifeNotes, 1001, 生活情况不能超过 1000 个字符", "interests, 501, 兴趣爱好不能超过 500 个字符" })
	void aContactTextLongerThanItsColumnIsRefusedOnItsField(String field, int length, String message)
			throws Exception {
		long account = createAccount("宁波联系人超长" + field + "贸易有限公司");
		String body = field.equals("name") ? """
				{"name": "%s"}""".formatted("王".repeat(length)) : """
				{"name": "王芳", "%s": "%s"}""".formatted(field, "8".repeat(length));
		mvc.perform(asSalesperson(post("/api/v1/accounts/" + account + "/contacts")).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		assertThat(jdbc.queryForObject("select count(*) from contact where account_id = ?", Long.class, account))
			.isZero();
	}

	@Test
	void aLongEmailThatIsWellFormedIsRefusedByItsLength() throws Exception {
		long account = createAccount("宁波长邮箱贸易有限公司");
		mvc.perform(asSalesperson(post("/api/v1/accounts/" + account + "/contacts")).content("""
				{"name": "王芳", "email": "%s@example.com"}""".formatted("w".repeat(190))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	@ParameterizedTest(name = "{0} of {1} characters")
	@CsvSource({ "summary, 4001, 跟进内容不能超过 4000 个字符", "nextStep, 1001, 下一步不能超过 1000 个字符",
			"ourParticipants, 501, 我方参与人不能超过 500 个字符" })
	void aFollowUpTextLongerThanItsColumnIsRefused(String field, int length, String message) throws Exception {
		long account = createAccount("温州跟进超长" + field + "有限公司");
		String body = field.equals("summary") ? """
				{"kind": "CALL", "summary": "%s"}""".formatted("谈".repeat(length)) : """
				{"kind": "CALL", "summary": "电话沟通", "%s": "%s"}""".formatted(field, "谈".repeat(length));
		mvc.perform(asSalesperson(post("/api/v1/accounts/" + account + "/follow-ups")).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.message").value(message));
		assertThat(jdbc.queryForObject("select count(*) from follow_up where account_id = ?", Long.class, account))
			.isZero();
	}

	@Test
	void aBodyThatIsNotJsonIsAnsweredUnsupportedMediaTypeInTheClientsLanguage() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoUsers.as(staff, "liuyang")).contentType(MediaType.TEXT_PLAIN)
			.content("name=杭州").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.message").value("Unsupported Content-Type; send application/json"));
		mvc.perform(post("/api/v1/accounts").with(DemoUsers.as(staff, "liuyang"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("name", "杭州"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.message").value(containsString("不支持此 Content-Type")));
	}

	@Test
	void theLastPossiblePageIsAnEmptyPageNotAnError() throws Exception {
		mvc.perform(asSalesperson(get("/api/v1/accounts")).param("page", "2147483647"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
		mvc.perform(get("/customers/accounts").param("page", "2147483647").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk());
	}

	@Test
	void aContactFormWithoutItsAccountIsABadRequestWithAMessage() throws Exception {
		mvc.perform(post("/customers/contacts").with(DemoUsers.as(staff, "liuyang")).with(csrf()).param("name", "王芳"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请先选择联系人所属的客户")));
	}

	@Test
	void aLedgerImportWithoutAFileShowsTheImportPageAgainWithAMessage() throws Exception {
		for (var request : List.of(post("/value/ledger/import"), multipart("/value/ledger/import"))) {
			mvc.perform(request.with(DemoUsers.as(staff, "admin")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("请选择要导入的文件")));
		}
	}

	@Test
	void concurrentCreatesWithOneCreditCodeCreateOneAccountAndRefuseTheOthers() throws Exception {
		String code = ChineseIdentifiers.withCreditCodeCheck("91330100MA2" + (100000 + (System.nanoTime() % 800000)));
		List<Callable<Integer>> creates = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String name = "杭州并发信用代码" + i + "号科技有限公司";
			creates.add(() -> mvc.perform(asSalesperson(post("/api/v1/accounts")).param("duplicatesConfirmed", "true")
				.content("""
						{"name": "%s", "creditCode": "%s"}""".formatted(name, code)))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Integer> answers = new ArrayList<>();
		try {
			for (Future<Integer> answer : threads.invokeAll(creates)) {
				answers.add(answer.get());
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(answers).containsOnly(201, 422).containsOnlyOnce(201);
		assertThat(jdbc.queryForObject("select count(*) from account where credit_code = ?", Long.class, code))
			.isOne();
	}

	@Test
	void theAccountFormKeepsWhatWasTypedAndNamesTheFieldTooLong() throws Exception {
		String shortName = "简".repeat(101);
		mvc.perform(post("/customers/accounts").with(DemoUsers.as(staff, "liuyang")).with(csrf())
			.param("name", "杭州表单简称过长科技有限公司").param("shortName", shortName).param("status", "INTENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("简称不能超过 100 个字符")))
			.andExpect(content().string(containsString("value=\"" + shortName + "\"")));
		assertThat(accountsNamed("杭州表单简称过长科技有限公司")).isZero();
	}

	@Test
	void savedViewTokenAndPoolReasonTooLongAreToldByToast() throws Exception {
		mvc.perform(post("/saved-views").with(DemoUsers.as(staff, "huangting")).with(csrf()).param("screen", "accounts")
			.param("path", "/customers/accounts").param("name", "视".repeat(101)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "validation.fieldTooLong"));
		mvc.perform(post("/profile/tokens").with(DemoUsers.as(staff, "huangting")).with(csrf())
			.param("name", "令".repeat(101)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "validation.fieldTooLong"));
		long own = jdbc.queryForObject("""
				select min(a.id) from account a join app_user u on u.id = a.owner_user_id
				where u.username = 'liuyang' and a.in_pool = false and a.deleted_at is null""", Long.class);
		mvc.perform(post("/customers/pool/release").with(DemoUsers.as(staff, "liuyang")).with(csrf())
			.param("ids", String.valueOf(own)).param("reason", "因".repeat(501)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "validation.fieldTooLong"));
		assertThat(jdbc.queryForObject("select in_pool from account where id = ?", Boolean.class, own)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "/admin/units|name|名称不能超过 100 个字符|type=DEPARTMENT",
			"/admin/roles|name|角色名称不能超过 100 个字符|code=LONG_NAME_ROLE,dataScope=OWN,permissions=customer.view",
			"/admin/users|displayName|姓名不能超过 100 个字符|username=longname,password=Long@2026x,confirmPassword=Long@2026x" })
	void anAdministratorsNamesLongerThanTheirColumnsAreShownOnTheForm(String path, String field, String message,
			String others) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(DemoUsers.as(staff, "admin")).with(csrf())
			.param(field, "名".repeat(101));
		long root = jdbc.queryForObject("select min(id) from org_unit where parent_id is null and tenant_id = "
				+ "(select tenant_id from app_user where username = 'admin')", Long.class);
		request.param(path.endsWith("units") ? "parentId" : "unitId", String.valueOf(root));
		for (String pair : others.split(",")) {
			request.param(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)));
	}

	@Test
	void aManagerOrPositionThatDoesNotExistIsRefusedOnItsField() throws Exception {
		long sunwei = jdbc.queryForObject("select id from app_user where username = 'sunwei'", Long.class);
		var user = jdbc.queryForMap("select unit_id, version, display_name from app_user where id = ?", sunwei);
		for (String field : List.of("managerId", "positionId")) {
			mvc.perform(post("/admin/users/" + sunwei).with(DemoUsers.as(staff, "admin")).with(csrf())
				.param("displayName", String.valueOf(user.get("display_name")))
				.param("unitId", String.valueOf(user.get("unit_id")))
				.param("version", String.valueOf(user.get("version")))
				.param(field, "2147483647"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(field.equals("managerId") ? "请选择一位在册的直属上级"
						: "请选择一个已有的岗位")));
		}
	}

	@Test
	void aPositionNameLongerThanItsColumnIsToldByToast() throws Exception {
		mvc.perform(post("/admin/positions").with(DemoUsers.as(staff, "admin")).with(csrf()).param("name", "岗".repeat(101)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "validation.fieldTooLong"));
	}

	@Test
	void aValueOfTheWrongTypeInTheAddressShowsTheProductsOwnPageInTheUsersLanguage() throws Exception {
		mvc.perform(get("/value/changes").param("from", "abc").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("地址中参数「from」的值无效")))
			.andExpect(content().string(containsString("返回工作台")))
			.andExpect(content().string(not(containsString("Whitelabel"))));
		try {
			mvc.perform(get("/value/changes").param("from", "abc").param("lang", "en").with(DemoUsers.as(staff, "admin")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("The value of the parameter &quot;from&quot; in the address")));
		}
		finally {
			// the choice of language is saved on the user
			mvc.perform(get("/").param("lang", "zh-CN").with(DemoUsers.as(staff, "admin")));
		}
	}

	@Test
	void springBootsErrorPageIsTheProductsOwnForEveryStatus() throws Exception {
		for (int code : new int[] { 400, 403, 404, 405, 413, 415, 500 }) {
			mvc.perform(get("/error").with(DemoUsers.as(staff, "admin")).accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, code)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/customers/accounts"))
				.andExpect(status().is(code))
				.andExpect(content().string(containsString("返回工作台")))
				.andExpect(content().string(not(containsString("Whitelabel"))));
		}
		mvc.perform(get("/error").with(DemoUsers.as(staff, "admin")).accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/customers/accounts"))
			.andExpect(content().string(containsString("不支持此操作")));
	}

	@Test
	void springBootsErrorAnswerToAnApiCallIsJsonInTheClientsLanguage() throws Exception {
		mvc.perform(get("/error").with(DemoUsers.as(staff, "liuyang")).accept(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/accounts"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"))
			.andExpect(jsonPath("$.message").value("This endpoint does not support the request method"))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	private long createAccount(String name) throws Exception {
		String created = mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "%s"}""".formatted(name)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
	}

	private long accountsNamed(String name) {
		return jdbc.queryForObject("select count(*) from account where name = ?", Long.class, name);
	}

	private MockHttpServletRequestBuilder asSalesperson(MockHttpServletRequestBuilder request) {
		return request.with(DemoUsers.as(staff, "liuyang")).contentType(MediaType.APPLICATION_JSON);
	}

}
