package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A new, empty database: a weak password is refused without installing anything; then several people (or one
 * double click) submit the setup page at once: one company is created, the others are told it already exists.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:setup-race;DB_CLOSE_DELAY=-1",
		"keyaccount.demo.load-on-start=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupRaceTests {

	private static final int VISITORS = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void aPasswordPaddedWithSpacesIsRefusedOnTheSetupPageAndInstallsNothing() throws Exception {
		mvc.perform(post("/setup").param("companyName", "空格公司")
			.param("username", "admin")
			.param("displayName", "管理员")
			.param("password", "a1      ")
			.param("confirmPassword", "a1      ")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("密码开头和结尾不能是空格")))
			.andExpect(content().string(containsString("空格公司")));

		assertThat(jdbc.queryForObject("select count(*) from tenant", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from installation", Long.class)).isZero();
	}

	@Test
	@Order(2)
	void concurrentSetupsInstallOneCompanyAndTellTheOthersPolitely() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(VISITORS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> submits = new ArrayList<>();
		for (int i = 0; i < VISITORS; i++) {
			int visitor = i;
			submits.add(threads.submit(() -> {
				start.await();
				return mvc.perform(post("/setup").param("companyName", "并发公司" + visitor)
					.param("username", "admin" + visitor)
					.param("displayName", "管理员" + visitor)
					.param("password", "Harbour-light-26")
					.param("confirmPassword", "Harbour-light-26")
					.with(csrf())).andReturn();
			}));
		}
		start.countDown();
		List<String> answers = new ArrayList<>();
		for (Future<MvcResult> submit : submits) {
			MvcResult result = submit.get();
			answers.add(result.getResponse().getStatus() + " " + result.getResponse().getRedirectedUrl());
		}
		threads.shutdown();

		assertThat(answers).filteredOn(answer -> answer.equals("302 /login?installed")).hasSize(1);
		assertThat(answers).filteredOn(answer -> !answer.equals("302 /login?installed"))
			.isSubsetOf("302 /login?alreadyInstalled", "302 /login");
		assertThat(jdbc.queryForObject("select count(*) from tenant", Long.class)).isOne();
		assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isOne();
	}

}
