package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.support.Browser;

/** A salesperson imports a GBK CSV in a real browser: upload, columns, check, confirm, progress, summary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSalespersonChecksAndImportsAFileFromTheAccountList(@TempDir Path dir) throws Exception {
		String prefix = ImportSheet.uniquePrefix();
		Path file = dir.resolve("客户名单.csv");
		Files.write(file, ImportSheet.of("公司名称", "行业", "省份", "城市", "联系人", "手机", "备注")
			.row(prefix + "杭州西溪数据科技有限公司", "信息技术", "浙江", "杭州", "周敏", ImportSheet.mobile(), "展会")
			.row(prefix + "宁波北仑港口物流有限公司", "交通运输", "浙江", "宁波", "钱峰", "1380000", "")
			.row(prefix + "湖州安吉竹木制品有限公司", "制造业", "浙江", "湖州", "", "", "")
			.csv(Charset.forName("GBK"), false));

		browser.logInAs("liuyang");
		browser.open("/customers/accounts");
		browser.click(By.cssSelector("a[href='/customers/import']"));
		browser.waitFor(By.id("file")).sendKeys(file.toString());
		browser.click(By.id("mode-KEEP_GOOD_ROWS"));
		browser.screenshot("import-upload");
		browser.click(By.id("upload-submit"));

		browser.waitFor(By.id("mapping-table"));
		assertThat(browser.text()).contains("核对列的对应关系", prefix + "杭州西溪数据科技有限公司");
		browser.screenshot("import-mapping");
		browser.click(By.id("dry-run"));

		browser.waitForText(By.id("import-outcome"), "校验完成");
		assertThat(browser.text()).contains("「1380000」不是有效的中国大陆手机号");
		assertThat(jdbc.queryForObject("select count(*) from account where name like ?", Long.class, prefix + "%")).isZero();
		browser.screenshot("import-checked");

		browser.click(By.id("start-import"));
		browser.waitFor(By.id("confirm-ok"));
		browser.click(By.id("confirm-ok"));
		browser.waitForText(By.id("import-outcome"), "导入完成");
		browser.screenshot("import-done");

		assertThat(jdbc.queryForList("select name from account where name like ? order by name", String.class, prefix + "%"))
			.containsExactlyInAnyOrder(prefix + "杭州西溪数据科技有限公司", prefix + "湖州安吉竹木制品有限公司");
		assertThat(browser.waitFor(By.id("error-report")).getAttribute("href")).endsWith("/errors");
	}

}
