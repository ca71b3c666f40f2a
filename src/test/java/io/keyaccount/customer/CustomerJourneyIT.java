package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.support.Browser;

/**
 * A salesperson's day with accounts, in a real browser: liuyang creates an account with a contact, logs a
 * follow-up, finds the account again by its pinyin initials, exports the list, and imports a 1,000-row Excel file
 * with bad rows, getting a clear error report. The tests run in the order of the journey and share the account.
 * Screenshots go to {@code target/screenshots/journey-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerJourneyIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final String ACCOUNT = "杭州星河测试光电有限公司";

	/** The pinyin initials of 杭州星河测试光电 (the 有限公司 left off, as a salesperson would). */
	private static final String INITIALS = "hzxhcsgd";

	private static final String CONTACT = "沈星河";

	private static final String CONTACT_MOBILE = "13957112345";

	private static final String FOLLOW_UP = "拜访采购部沈经理，确认二季度光模块需求约两千片";

	private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(4);

	private static final int ROWS = 1000;

	private static String accountPath;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void aSalespersonCreatesAnAccount() {
		browser.logInAs("liuyang");
		browser.open("/customers/accounts");
		browser.click(By.id("new-account"));
		browser.waitFor(By.id("account-form"));
		browser.waitFor(By.id("name")).sendKeys(ACCOUNT);
		browser.driver().findElement(By.id("shortName")).sendKeys("星河光电");
		browser.screenshot("journey-1-new-account");
		browser.click(By.id("save-account"));

		if (!browser.driver().findElements(By.id("duplicate-warning")).isEmpty()) {
			browser.screenshot("journey-1-duplicate-warning");
			browser.click(By.id("duplicatesConfirmed1"));
			browser.click(By.id("save-account"));
		}

		assertThat(browser.waitForText(By.id("account-name"), ACCOUNT).getText()).isEqualTo(ACCOUNT);
		accountPath = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "");
		assertThat(accountPath).matches("/customers/accounts/\\d+");
		browser.screenshot("journey-1-account");
	}

	@Test
	@Order(2)
	void addsAContactWithAMobile() {
		browser.logInAs("liuyang");
		browser.open(accountPath + "?tab=contacts");
		browser.click(By.id("new-contact"));
		browser.waitFor(By.id("contact-form"));
		browser.waitFor(By.id("name")).sendKeys(CONTACT);
		browser.driver().findElement(By.id("title")).sendKeys("采购经理");
		browser.driver().findElement(By.id("mobile")).sendKeys(CONTACT_MOBILE);
		browser.click(By.id("save-contact"));

		WebElement contacts = browser.waitForText(By.id("tab-contacts"), CONTACT);
		assertThat(contacts.getText()).contains(CONTACT, "采购经理", CONTACT_MOBILE);
		browser.screenshot("journey-2-contacts");
	}

	@Test
	@Order(3)
	void logsAFollowUp() {
		browser.logInAs("liuyang");
		browser.open(accountPath);
		browser.click(By.id("write-follow-up"));
		browser.waitFor(By.id("fu-summary")).sendKeys(FOLLOW_UP);
		browser.screenshot("journey-3-follow-up-form");
		browser.click(By.id("save-follow-up"));
		browser.waitUntilHidden(By.id("follow-up-modal"));

		browser.open(accountPath + "?tab=followups");
		assertThat(browser.waitForText(By.id("tab-followups"), FOLLOW_UP).getText()).contains(FOLLOW_UP);
		browser.screenshot("journey-3-follow-ups");
	}

	@Test
	@Order(4)
	void findsTheAccountAgainByItsPinyinInitials() {
		browser.logInAs("liuyang");
		browser.open("/customers/accounts");
		WebElement keyword = browser.waitFor(By.id("keyword"));
		keyword.sendKeys(INITIALS);
		keyword.sendKeys(Keys.ENTER);

		assertThat(browser.waitForText(By.id("results"), ACCOUNT).getText()).contains(ACCOUNT);
		browser.waitUntil(ExpectedConditions.urlContains("keyword=" + INITIALS), "the search is not in the address");
		browser.screenshot("journey-4-pinyin-search");
	}

	@Test
	@Order(5)
	void exportsTheListToExcel() throws IOException {
		browser.logInAs("liuyang");
		browser.open("/customers/accounts?keyword=" + INITIALS);
		browser.waitForText(By.id("results"), ACCOUNT);

		Path export = browser.download(By.id("export-accounts"), Duration.ofSeconds(60));

		assertThat(export.getFileName().toString()).endsWith(".xlsx");
		List<List<String>> rows = ImportSheet.read(Files.readAllBytes(export), 0);
		assertThat(rows).anySatisfy(row -> assertThat(row).contains(ACCOUNT));
	}

	@Test
	@Order(6)
	void importsAThousandRowsKeepingTheGoodOnesAndReportsTheBadOnes(@TempDir Path dir) throws IOException {
		String prefix = "星河导入" + ImportSheet.uniquePrefix();
		Map<Integer, String> bad = new LinkedHashMap<>();
		ImportSheet sheet = ImportSheet.standard();
		for (int n = 1; n <= ROWS; n++) {
			String[] row = ImportSheet.goodRow(prefix, n, "liuyang");
			if (n % 50 == 7) {
				switch (bad.size() % 3) {
					case 0 -> {
						String code = row[2];
						char last = code.charAt(17);
						row[2] = code.substring(0, 17) + (last == '0' ? '1' : '0');
						bad.put(n + 1, "统一社会信用代码");
					}
					case 1 -> {
						row[16] = "1234567";
						bad.put(n + 1, "手机号");
					}
					default -> {
						row[0] = "";
						bad.put(n + 1, "");
					}
				}
			}
			sheet.row(row);
		}
		assertThat(bad).hasSize(20);
		Path file = dir.resolve("客户导入-星河.xlsx");
		Files.write(file, sheet.xlsx());

		browser.logInAs("liuyang");
		browser.open("/customers/accounts");
		browser.click(By.cssSelector("a[href='/customers/import']"));
		browser.waitFor(By.id("upload-form"));
		browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.id("mode-KEEP_GOOD_ROWS"));
		browser.screenshot("journey-6-import-upload");
		browser.click(By.id("upload-submit"));

		WebElement mapping = browser.waitFor(By.id("mapping-table"));
		assertThat(mapping.getText()).contains("客户名称", "统一社会信用代码", "手机", prefix);
		assertThat(browser.driver().findElements(By.id("name-missing"))).isEmpty();
		browser.screenshot("journey-6-import-mapping");
		browser.click(By.id("dry-run"));

		awaitOutcome();
		assertThat(browser.waitFor(By.id("count-total")).getText().replace(",", "")).isEqualTo("1000");
		assertThat(browser.driver().findElement(By.id("count-good")).getText()).isEqualTo("980");
		assertThat(browser.driver().findElement(By.id("count-bad")).getText()).isEqualTo("20");
		String problems = browser.waitFor(By.id("problem-table")).getText();
		assertThat(problems).contains("不是有效的统一社会信用代码", "不是有效的中国大陆手机号", "1234567");
		assertThat(accountsNamed(prefix)).as("a dry run writes nothing").isZero();
		browser.screenshot("journey-6-import-check");

		browser.click(By.id("import-mode-KEEP_GOOD_ROWS"));
		String checkUrl = browser.driver().getCurrentUrl();
		browser.click(By.id("start-import"));
		browser.click(By.id("confirm-ok"));
		browser.waitUntil(ExpectedConditions.not(ExpectedConditions.urlToBe(checkUrl)), "the import did not start");
		browser.screenshot("journey-6-import-progress");

		awaitOutcome();
		assertThat(browser.waitFor(By.id("count-good")).getText()).isEqualTo("980");
		assertThat(browser.driver().findElement(By.id("count-bad")).getText()).isEqualTo("20");
		assertThat(browser.waitFor(By.id("see-accounts")).isDisplayed()).isTrue();
		browser.screenshot("journey-6-import-done");

		Path report = browser.download(By.id("error-report"), Duration.ofSeconds(60));
		assertThat(report.getFileName().toString()).endsWith(".xlsx");
		List<List<String>> rows = ImportSheet.read(Files.readAllBytes(report), 0);
		assertThat(rows.get(0)).startsWith("行号", "客户名称").endsWith("错误原因");
		List<List<String>> reported = rows.subList(1, rows.size());
		assertThat(reported).extracting(row -> row.get(0))
			.containsExactlyInAnyOrderElementsOf(bad.keySet().stream().map(String::valueOf).toList());
		int reasons = rows.get(0).size() - 1;
		for (List<String> row : reported) {
			String reason = row.size() > reasons ? row.get(reasons) : "";
			assertThat(reason).as("reason of row " + row.get(0)).isNotBlank()
				.contains(bad.get(Integer.parseInt(row.get(0))));
		}

		assertThat(accountsNamed(prefix)).isEqualTo(980);
		browser.open("/customers/accounts");
		WebElement keyword = browser.waitFor(By.id("keyword"));
		keyword.sendKeys(prefix);
		keyword.sendKeys(Keys.ENTER);
		assertThat(browser.waitForText(By.id("results"), prefix).getText()).contains(prefix, "导入测试", "刘洋");
		browser.screenshot("journey-6-imported-accounts");
	}

	/** Waits, longer than the browser's usual timeout, until the progress page shows the job's outcome. */
	private static void awaitOutcome() {
		new WebDriverWait(browser.driver(), IMPORT_TIMEOUT, Duration.ofMillis(500))
			.withMessage("the import job did not finish within " + IMPORT_TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-outcome")));
	}

	private long accountsNamed(String prefix) {
		return jdbc.queryForObject("select count(*) from account where name like ? and deleted_at is null", Long.class,
				prefix + "%");
	}

}
