package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.support.Browser;
import io.keyaccount.support.DemoUsers;

/** The account list on a salesperson's phone between two visits: 375 px wide. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountListPhoneIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	/**
	 * Two lines of text, the row's padding and the gap to the next: a row of three lines or more is taller. Each
	 * row was a card of a line per column, 390 px.
	 */
	private static final double TWO_LINES = 64;

	@Autowired
	CustomerManagement customers;

	@Autowired
	UserDetailsService staff;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	@SuppressWarnings("unchecked")
	void twentyAccountsFitInTwoLinesEachOnAPhone() {
		String tag = "手机列表" + System.nanoTime() % 1_000_000;
		DemoUsers.signIn(staff, "zhengkai");
		for (int i = 1; i <= 20; i++) {
			AccountFacts facts = AccountMother.account("宁波市海曙区手机列表布局测试" + i + "号电子科技有限公司").facts();
			customers.create(new AccountFacts(facts.name(), null, null, null, facts.industry(), facts.provinceCode(),
					facts.cityCode(), null, null, null, null, null, null, null, facts.status(), null, null, Set.of(tag)),
					null, null, true);
		}
		DemoUsers.signOut();

		browser.phoneSize();
		browser.logInAs("zhengkai");
		browser.open("/customers/accounts?view=MINE&size=20&tag=" + tag);
		browser.waitFor(By.id("account-table"));
		browser.screenshot("account-list-phone");

		assertThat(browser.viewportWidth()).isLessThanOrEqualTo(375);
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		List<Map<String, Object>> rows = (List<Map<String, Object>>) js.executeScript("""
				return Array.from(document.querySelectorAll('#account-table tbody tr'), tr => {
				  const name = tr.querySelector('td.ka-primary').getBoundingClientRect();
				  const owner = tr.querySelectorAll('td.ka-secondary')[0].getBoundingClientRect();
				  return { height: tr.getBoundingClientRect().height, nameTop: name.top, ownerTop: owner.top,
				           ownerShown: owner.height > 0, right: tr.getBoundingClientRect().right };
				});""");
		assertThat(rows).hasSize(20);
		double list = ((Number) js.executeScript(
				"return document.querySelector('#account-table tbody').getBoundingClientRect().height")).doubleValue();
		assertThat(list).as("20 rows of two lines").isLessThan(20 * TWO_LINES);
		for (Map<String, Object> row : rows) {
			assertThat(((Number) row.get("height")).doubleValue()).as("a row").isLessThan(TWO_LINES);
			// the owner, stage and dates on the line under the name, inside the screen
			assertThat((Boolean) row.get("ownerShown")).isTrue();
			assertThat(((Number) row.get("ownerTop")).doubleValue()).isGreaterThan(((Number) row.get("nameTop")).doubleValue());
			assertThat(((Number) row.get("right")).doubleValue()).isLessThanOrEqualTo(375);
		}
		assertThat(browser.texts("#account-table td.ka-primary a")).allMatch(name -> name.startsWith("宁波市海曙区手机列表布局测试"));
	}

}
