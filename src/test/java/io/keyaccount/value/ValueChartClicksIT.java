package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.support.Browser;

/** A click on a bar, a stacked bar or the 80/20 curve of the value dashboard opens the list behind it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ValueChartClicksIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	/** Clicks the chart's canvas at (x, y) measured from its top left corner. */
	private static void clickAt(WebElement canvas, int x, int y) {
		int width = canvas.getSize().getWidth();
		int height = canvas.getSize().getHeight();
		new Actions(browser.driver()).moveToElement(canvas, x - width / 2, y - height / 2).click().perform();
	}

	@Test
	void clickingATierBarListsThatTiersAccountsWithTheDashboardsFilters() {
		browser.logInAs("admin");
		browser.open("/value/dashboard?industry=MANUFACTURING");
		WebElement canvas = browser.waitFor(By.cssSelector("#tier-chart canvas"));
		// grid: left 48, right 56, top 32, bottom 28; four categories A B C D, A first
		int plotWidth = canvas.getSize().getWidth() - 104;
		clickAt(canvas, 48 + plotWidth / 8, canvas.getSize().getHeight() - 40);

		browser.waitUntil(ExpectedConditions.urlContains("tier=A"), "the tier bar did not open its list");
		assertThat(browser.driver().getCurrentUrl()).contains("/value/accounts?", "industry=MANUFACTURING");
		assertThat(browser.texts("#score-table tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("A类"));
	}

	@Test
	void clickingTheParetoCurveListsTheBestShareOfAccounts() {
		browser.logInAs("admin");
		browser.open("/value/dashboard");
		WebElement canvas = browser.waitFor(By.cssSelector("#pareto-chart canvas"));
		// grid: left 48, right 16, top 16, bottom 40; the x axis runs from 0 to 100 % of the accounts
		int plotWidth = canvas.getSize().getWidth() - 64;
		clickAt(canvas, 48 + plotWidth / 5, canvas.getSize().getHeight() / 2);

		browser.waitUntil(ExpectedConditions.urlContains("topShare=20"), "the curve did not open its list");
		assertThat(browser.waitFor(By.id("drill-down-filter")).getText()).contains("前 20%");
		assertThat(browser.texts("#score-table tbody tr")).isNotEmpty();
	}

	@Test
	void clickingAStackedBarListsThatMonthsAccountsOfItsClass() {
		browser.logInAs("admin");
		browser.open("/value/dashboard");
		WebElement chart = browser.waitFor(By.id("trend-chart"));
		List<String> months = List.of(chart.getDomAttribute("data-as-of").split(","));
		WebElement canvas = browser.waitFor(By.cssSelector("#trend-chart canvas"));
		// grid: left 48, right 16, top 56, bottom 28; the bottom of the last month's column
		int plotWidth = canvas.getSize().getWidth() - 64;
		int x = 48 + (int) ((months.size() - 0.5) * plotWidth / months.size());
		clickAt(canvas, x, canvas.getSize().getHeight() - 31);

		browser.waitUntil(ExpectedConditions.urlContains("asOf=" + months.get(months.size() - 1)),
				"the stacked bar did not open its list");
		assertThat(browser.driver().getCurrentUrl()).contains("resourceClass=");
		assertThat(browser.waitFor(By.id("drill-down-filter")).getText()).contains("的评分");
		assertThat(browser.texts("#score-table tbody tr")).isNotEmpty();
	}

}
