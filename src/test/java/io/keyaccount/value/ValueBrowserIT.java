package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.support.Browser;

/**
 * The value journeys in Chromium: the dashboard's charts, a click in the value–potential matrix that lists the
 * quadrant's accounts, the change report, and the value tab of an account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValueBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void theDashboardDrawsItsChartsAndStatesTheTopFifth() {
		browser.logInAs("admin");
		browser.click(By.cssSelector("#sidebar a[href='/value/dashboard']"));

		assertThat(browser.waitFor(By.id("pareto-takeaway")).getText()).matches("前20%客户贡献了\\d+\\.\\d%毛利");
		for (String chart : new String[] { "pareto-chart", "tier-chart", "matrix-chart", "trend-chart" }) {
			browser.waitFor(By.cssSelector("#" + chart + " canvas"));
		}
		browser.screenshot("value-dashboard");
	}

	@Test
	@Order(2)
	void clickingAQuadrantOfTheMatrixListsItsAccounts() {
		browser.logInAs("admin");
		browser.open("/value/dashboard");
		WebElement canvas = browser.waitFor(By.cssSelector("#matrix-chart canvas"));
		int width = canvas.getSize().getWidth();
		int height = canvas.getSize().getHeight();
		// grid: left 48, right 16, top 28, bottom 40; the point (value 75, potential 99) in the upper right
		int x = (int) (48 + 0.75 * (width - 64)) - width / 2;
		int y = (int) (28 + 0.01 * (height - 68)) - height / 2;
		new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();

		browser.waitUntil(ExpectedConditions.urlContains("/value/accounts?quadrant=DEVELOP"),
				"the quadrant click did not open its list");
		assertThat(browser.waitFor(By.id("quadrant-filter")).getText()).contains("重点发展");
		assertThat(browser.texts("#score-table tbody tr")).isNotEmpty();
		browser.screenshot("value-quadrant-develop");
	}

	@Test
	@Order(3)
	void theQuadrantCardsLeadToTheirListsToo() {
		browser.logInAs("admin");
		browser.open("/value/dashboard");
		browser.click(By.id("quadrant-OBSERVE"));

		browser.waitUntil(ExpectedConditions.urlContains("quadrant=OBSERVE"), "no list of the quadrant");
		assertThat(browser.waitFor(By.id("quadrant-filter")).getText()).contains("观察维持");
	}

	@Test
	@Order(4)
	void theChangeReportCountsMovementsAndDrillsDown() {
		browser.logInAs("admin");
		browser.open("/value/changes");
		browser.click(By.xpath("//a[text()='近一年']"));
		assertThat(browser.waitFor(By.id("change-totals")).getText()).contains("新增客户", "流失", "升级", "降级", "恢复购买");
		browser.click(By.id("change-UPGRADED"));
		browser.waitUntil(ExpectedConditions.urlContains("kind=UPGRADED"), "no drill-down");
		assertThat(browser.texts("#change-table tbody tr")).isNotEmpty().allMatch(row -> row.contains("升级"));
		browser.screenshot("value-changes");
	}

	@Test
	@Order(5)
	void anAccountsValueTabExplainsItsScore() {
		long key = jdbc.queryForObject("select min(id) from account where key_account = true", Long.class);
		browser.logInAs("admin");
		browser.open("/customers/accounts/" + key + "?tab=value");

		assertThat(browser.waitFor(By.id("value-score")).getText()).matches("\\d+\\.\\d");
		assertThat(browser.waitFor(By.id("value-reasons")).getText()).contains("历史价值", "当前价值", "未来价值", "潜在价值");
		assertThat(browser.waitFor(By.id("value-playbook")).getText()).contains("建议的下一步行动");
		browser.waitFor(By.cssSelector("#value-trend-chart canvas"));
		browser.screenshot("value-account-tab");
	}

	@Test
	@Order(6)
	void anOnDemandRescoreShowsItsProgressUntilDone() {
		browser.logInAs("admin");
		browser.open("/value/settings");
		String before = browser.waitFor(By.id("run-table")).getText();

		browser.click(By.id("rescore"));

		browser.waitFor(By.cssSelector("#rescore-progress .progress-bar"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("rescore-status"), "评分完成"),
				"the rescore did not finish");
		browser.screenshot("value-rescore-done");
		browser.open("/value/settings");
		assertThat(browser.waitFor(By.id("run-table")).getText()).isNotEqualTo(before).contains("手动", "已完成");
	}

}
