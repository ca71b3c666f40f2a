package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.support.Browser;
import io.keyaccount.support.DemoUsers;

/**
 * Record names that look like markup stay text in the browser, and the pages work under the
 * Content-Security-Policy (no inline script): charts, htmx tabs and the pager, with nothing refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final String MARKUP_NAME = "<img src=x onerror=window.__xss=1>注入测试有限公司";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CustomerManagement customers;

	@Autowired
	UserDetailsService staff;

	@Test
	void anAccountNamedLikeMarkupShowsAsTextInTheValueMatrixTooltip() {
		long accountId = scoredAccountNamed(MARKUP_NAME);
		browser.logInAs("admin");
		browser.open("/value/dashboard");
		browser.waitFor(By.cssSelector("#matrix-chart canvas"));

		Object shown = script("""
				var chart = echarts.getInstanceByDom(document.getElementById('matrix-chart'));
				var series = chart.getOption().series;
				for (var s = 0; s < series.length; s++) {
				  for (var d = 0; d < series[s].data.length; d++) {
				    if (series[s].data[d][3] === arguments[0]) {
				      chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: d });
				      return true;
				    }
				  }
				}
				return false;""", accountId);
		assertThat(shown).isEqualTo(true);

		browser.waitForText(By.id("matrix-chart"), "注入测试有限公司");
		assertThat(browser.driver().findElement(By.id("matrix-chart")).getText()).contains(MARKUP_NAME);
		assertThat(script("return document.querySelectorAll('#matrix-chart img').length")).isEqualTo(0L);
		assertThat(script("return window.__xss === undefined")).isEqualTo(true);
		browser.screenshot("value-matrix-markup-name");
	}

	@Test
	void theMainPagesWorkUnderTheContentSecurityPolicy() {
		long key = jdbc.queryForObject("select min(id) from account where key_account = true", Long.class);
		browser.open("/login");
		browser.waitFor(By.id("login-submit"));
		browser.logInAs("admin");
		browser.browserErrors();

		for (String page : List.of("/", "/customers/accounts", "/customers/contacts", "/customers/pool",
				"/customers/accounts/" + key, "/value/dashboard", "/value/accounts", "/value/changes",
				"/admin/users", "/admin/roles", "/admin/audit", "/profile", "/api/v1/docs")) {
			browser.open(page);
			browser.waitUntil(driver -> "complete".equals(script("return document.readyState")), page + " loads");
			assertThat(browser.browserErrors()).as("console errors on " + page).isEmpty();
		}

		browser.open("/value/dashboard");
		for (String chart : new String[] { "pareto-chart", "tier-chart", "matrix-chart", "trend-chart" }) {
			browser.waitFor(By.cssSelector("#" + chart + " canvas"));
		}
		browser.open("/customers/accounts/" + key + "?tab=value");
		browser.waitFor(By.cssSelector("#value-trend-chart canvas"));
		assertThat(browser.browserErrors()).isEmpty();
	}

	@Test
	void choosingAPageSizeStillLoadsTheLongerPage() {
		browser.logInAs("admin");
		browser.open("/customers/accounts");
		org.openqa.selenium.support.ui.Select size = new org.openqa.selenium.support.ui.Select(
				browser.waitFor(By.cssSelector("select[data-navigate]")));
		size.selectByIndex(size.getOptions().size() - 1);

		browser.waitUntil(driver -> driver.getCurrentUrl().contains("size="), "the page size did not change the list");
		assertThat(browser.browserErrors()).isEmpty();
	}

	/**
	 * A new account with this name, scored in the current value run like an account that has a score (its row of
	 * the snapshot copied), so that it is a point of the value–potential matrix.
	 */
	private long scoredAccountNamed(String name) {
		DemoUsers.signIn(staff, "admin");
		long id;
		try {
			id = customers.create(AccountMother.account(name).facts(), null, null, true);
		}
		finally {
			DemoUsers.signOut();
		}
		long run = jdbc.queryForObject("""
				select id from value_run where tenant_id = 1 and status = 'COMPLETED'
				order by as_of desc, completed_at desc, id desc fetch first 1 rows only""", Long.class);
		long model = jdbc.queryForObject(
				"select account_id from value_snapshot where run_id = ? order by score desc limit 1", Long.class, run);
		List<String> columns = jdbc.queryForList("""
				select lower(column_name) from information_schema.columns
				where lower(table_name) = 'value_snapshot' and lower(column_name) <> 'account_id'""", String.class);
		String list = String.join(", ", columns);
		jdbc.update("insert into value_snapshot (account_id, " + list + ") select ?, " + list
				+ " from value_snapshot where run_id = ? and account_id = ?", id, run, model);
		return id;
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

}
