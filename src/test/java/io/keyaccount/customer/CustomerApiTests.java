package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * What an API client is told when it sends bad data: the field, and why, in the language it asks for (Chinese by
 * default). Nothing is created.
 */
@KeyaccountTest
class CustomerApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Test
	void anInvalidCreditCodeIsRefusedOnItsFieldInChineseOrEnglish() throws Exception {
		String account = """
				{"name": "杭州接口校验科技有限公司", "creditCode": "91330100MA27XXXX1A"}""";
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content(account))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不是有效的统一社会信用代码")));
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content(account).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("is not a valid unified social credit code")));
		mvc.perform(asSalesperson(get("/api/v1/accounts")).param("keyword", "接口校验"))
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void aNameOfSixtyFourPolyphonicCharactersIsCreatedAndFoundLikeAnyOther() throws Exception {
		String name = "长".repeat(64) + "科技有限公司";
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "%s", "shortName": "%s"}""".formatted(name, "长".repeat(64))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.facts.name").value(name));
		mvc.perform(asSalesperson(get("/api/v1/accounts")).param("keyword", "长长长长长长科技"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].name").value(name));
	}

	@Test
	void createAnswersTheDetailThatReadingTheAccountAnswers() throws Exception {
		String created = mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "苏州应答一致精密机械有限公司", "shortName": "应答一致", "industry": "MANUFACTURING",
				 "provinceCode": "320000", "cityCode": "320500", "employees": 80, "annualRevenue": 12000000,
				 "phone": "0512-66001234", "status": "INTENT", "tags": ["展会线索", "华东"]}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));

		String read = mvc.perform(asSalesperson(get("/api/v1/accounts/" + id)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).isEqualTo(read);
	}

	@Test
	void anInvalidMobileOrEmailOfAContactIsRefusedOnItsField() throws Exception {
		String created = mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "宁波联系人校验贸易有限公司"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));

		mvc.perform(asSalesperson(post("/api/v1/accounts/" + id + "/contacts")).content("""
				{"name": "王芳", "mobile": "1380013800"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("mobile"))
			.andExpect(jsonPath("$.errors[0].message").value("「1380013800」不是有效的中国大陆手机号"));
		mvc.perform(asSalesperson(post("/api/v1/accounts/" + id + "/contacts")).content("""
				{"name": "王芳", "mobile": "13800138000", "email": "wangfang@"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].message").value("「wangfang@」不是有效的邮箱地址"));
		mvc.perform(asSalesperson(get("/api/v1/accounts/" + id + "/contacts")))
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void aValueOfTheWrongTypeNamesItsFieldAndAChoiceListsTheAllowedValues() throws Exception {
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "杭州类型校验科技有限公司", "industry": "SOFTWARE"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("industry"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("字段 industry 的值无效，可选值：TELECOM, IT,")));
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content("""
				{"name": "杭州类型校验科技有限公司", "employees": "很多"}""").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("employees"))
			.andExpect(jsonPath("$.message").value("The value of employees is invalid"));
		mvc.perform(asSalesperson(get("/api/v1/accounts")).param("status", "WON"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("POTENTIAL")));
		mvc.perform(asSalesperson(post("/api/v1/accounts")).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("请求格式不正确"));
	}

	private MockHttpServletRequestBuilder asSalesperson(MockHttpServletRequestBuilder request) {
		return request.with(DemoUsers.as(staff, "liuyang")).contentType(MediaType.APPLICATION_JSON);
	}

}
