package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.support.Browser;

/**
 * The application shell in a real browser, as the demo company's staff meet it: signing in, the sidebar, the
 * language menu, the access-denied page, confirmation before deleting, and the phone layout. Every test starts
 * signed out; they run in the order of a first day with the product.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final By SIDEBAR = By.id("sidebar");

	private static final By SIDEBAR_USERS = By.cssSelector("#sidebar a[href='/admin/users']");

	private static final By MENU_BUTTON = By.cssSelector(".ka-topbar [data-bs-target='#sidebar']");

	private static final By USER_TABLE = By.id("user-table");

	private static final By PAGE_HEADING = By.cssSelector(".ka-page-title h1");

	/**
	 * Labels from the Chinese bundle, none of which may be left on an English page. (系统管理 is checked on the
	 * sidebar only: the demo administrator is called 系统管理员.)
	 */
	private static final List<String> CHINESE_LABELS = List.of("工作台", "用户管理", "组织机构", "角色权限", "岗位管理", "操作日志",
			"回收站", "个人设置", "退出登录", "搜索", "新建", "重置", "启用", "没有");

	/**
	 * Where the page shows labels rather than records: the sidebar, the language menu, headings, column heads,
	 * field labels and buttons. The administrator's own name (in the user menu and the greeting) is a record.
	 */
	private static final String LABELS = "#sidebar, .ka-topbar, h1, h2, th, label, .btn";

	private static final String ADMIN_NAME = "系统管理员";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void theAdministratorSignsInToAChineseWorkbench() {
		browser.open("/login");
		assertThat(browser.waitFor(By.id("login-submit")).getText()).isEqualTo("登录");
		browser.screenshot("login");

		browser.logInAs("admin");

		assertThat(browser.waitFor(PAGE_HEADING).getText()).startsWith("您好");
		assertThat(browser.waitFor(SIDEBAR).getText()).contains("工作台", "系统管理", "用户管理");
		assertThat(browser.title()).isEqualTo("工作台");
		browser.screenshot("workbench-zh");
	}

	@Test
	@Order(2)
	void theSidebarLeadsToTheDemoCompanysUsers() {
		browser.logInAs("admin");

		browser.click(SIDEBAR_USERS);

		assertThat(browser.waitForText(PAGE_HEADING, "用户管理").getText()).isEqualTo("用户管理");
		assertThat(browser.waitFor(USER_TABLE).getText()).contains("刘洋", "liuyang", "李明", "liming", "王建国");
		assertThat(browser.driver().findElement(SIDEBAR_USERS).getDomAttribute("class")).contains("active");
	}

	@Test
	@Order(3)
	void theLanguageMenuTurnsEveryShellPageEnglish() {
		browser.logInAs("admin");
		browser.open("/admin/users");

		chooseLanguage("lang-en");

		assertThat(browser.waitForText(PAGE_HEADING, "Users").getText()).isEqualTo("Users");
		assertThat(browser.waitFor(SIDEBAR).getText()).contains("Workbench", "Recycle bin")
			.containsIgnoringCase("Administration");
		assertThat(browser.waitFor(USER_TABLE).getText()).contains("liuyang");
		assertEnglishOnly("/admin/users");
		browser.screenshot("users-en");

		for (String page : List.of("/", "/admin/units", "/admin/roles", "/admin/positions", "/admin/audit",
				"/admin/recycle-bin", "/profile")) {
			browser.open(page);
			browser.waitFor(PAGE_HEADING);
			assertEnglishOnly(page);
		}

		chooseLanguage("lang-zh");
		assertThat(browser.waitFor(SIDEBAR).getText()).contains("系统管理");
	}

	@Test
	@Order(4)
	void theChosenLanguageIsKeptAtTheNextSignIn() {
		browser.logInAs("admin");
		chooseLanguage("lang-en");
		browser.waitForText(PAGE_HEADING, "Hello");

		browser.logOut();
		browser.logInAs("admin");

		assertThat(browser.waitFor(PAGE_HEADING).getText()).startsWith("Hello");
		assertThat(browser.waitFor(SIDEBAR).getText()).contains("Workbench")
			.containsIgnoringCase("Administration")
			.doesNotContain("系统管理");

		chooseLanguage("lang-zh");
		assertThat(browser.waitForText(SIDEBAR, "系统管理").getText()).doesNotContainIgnoringCase("Administration");
	}

	@Test
	@Order(5)
	void aSalespersonIsTurnedAwayFromUserAdministrationPolitely() {
		browser.logInAs("liuyang");
		assertThat(browser.waitFor(SIDEBAR).getText()).doesNotContain("系统管理", "用户管理");

		browser.open("/admin/users");

		assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("没有权限");
		assertThat(browser.text()).contains("403", "返回工作台")
			.doesNotContain("Exception", "at io.keyaccount", "Whitelabel");
		browser.screenshot("forbidden");
		browser.click(By.linkText("返回工作台"));
		assertThat(browser.waitFor(PAGE_HEADING).getText()).startsWith("您好");
	}

	@Test
	@Order(6)
	void deletingAPositionAsksForConfirmationFirst() {
		String position = "质量工程师";
		browser.logInAs("admin");
		browser.open("/admin/positions");
		browser.waitFor(By.cssSelector("form[action='/admin/positions'] input[name=name]")).sendKeys(position);
		browser.click(By.cssSelector("form[action='/admin/positions'] button[type=submit]"));
		browser.waitForText(By.id("toast"), "已保存「" + position + "」");

		browser.click(deleteButtonOf(position));
		assertThat(browser.waitFor(By.id("confirm-message")).getText()).isEqualTo("确定删除岗位「" + position + "」吗？");
		browser.screenshot("confirm-delete");
		browser.click(By.cssSelector("#confirm-modal [data-bs-dismiss=modal].btn"));
		browser.waitUntilHidden(By.id("confirm-modal"));
		assertThat(positionNames()).contains(position);

		browser.click(deleteButtonOf(position));
		browser.waitFor(By.id("confirm-message"));
		browser.click(By.id("confirm-ok"));

		browser.waitForText(By.id("toast"), "已移入回收站");
		assertThat(positionNames()).doesNotContain(position).contains("销售代表");
	}

	@Test
	@Order(7)
	void onAPhoneTheSidebarFoldsBehindTheMenuButton() {
		browser.phoneSize();
		browser.logInAs("admin");
		browser.open("/admin/users");

		assertThat(browser.viewportWidth()).isLessThanOrEqualTo(375);
		assertThat(browser.waitFor(USER_TABLE).getText()).contains("刘洋", "liuyang");
		assertThat(browser.driver().findElement(SIDEBAR).isDisplayed()).isFalse();
		assertThat(browser.waitFor(MENU_BUTTON).isDisplayed()).isTrue();
		browser.screenshot("phone");

		browser.click(MENU_BUTTON);
		assertThat(browser.waitFor(SIDEBAR_USERS).getText()).isEqualTo("用户管理");
		browser.screenshot("phone-menu");
	}

	/** A test that fails half-way through the language menu must not leave the next ones in English. */
	@AfterEach
	void adminKeepsChinese() {
		jdbc.update("update app_user set locale = 'zh-CN' where username = 'admin'");
	}

	private static void chooseLanguage(String item) {
		browser.click(By.id("language-menu"));
		browser.click(By.id(item));
	}

	private static void assertEnglishOnly(String page) {
		assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).as(page).isEqualTo("en");
		assertThat(browser.driver().findElement(SIDEBAR).getText()).as(page).doesNotContain("系统管理");
		assertThat(browser.text()).as(page).doesNotContain(CHINESE_LABELS);
		for (String label : browser.texts(LABELS)) {
			assertThat(label.replace(ADMIN_NAME, "")).as("a label on " + page).doesNotContainPattern(HAN);
		}
	}

	private static By deleteButtonOf(String position) {
		return By.xpath("//tr[.//input[@name='name' and @value='" + position + "']]//form[@data-confirm]/button");
	}

	private static List<String> positionNames() {
		return browser.driver()
			.findElements(By.cssSelector("tr input[name=name]"))
			.stream()
			.map(input -> input.getDomProperty("value"))
			.toList();
	}

}
