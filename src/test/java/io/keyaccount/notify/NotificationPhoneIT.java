package io.keyaccount.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.support.Browser;
import io.keyaccount.support.DemoUsers;

/** A salesperson on a phone (375 px) sees the bell count, opens the list and follows a notification to the account. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationPhoneIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	CustomerManagement customers;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void theBellCountsTheListFitsAndANotificationOpensItsAccount() {
		DemoUsers.signIn(staff, "liuyang");
		long account = customers.create(AccountMother.account("厦门手机消息测试有限公司").facts(), null, null, true);
		long another = customers.create(AccountMother.account("厦门手机另一条消息测试有限公司").facts(), null, null, true);
		// a salesperson gives no account away (ADR 0014): the general manager moves them
		DemoUsers.signIn(staff, "wangjianguo");
		customers.transfer(List.of(account, another),
				jdbc.queryForObject("select id from app_user where username = 'huangting'", Long.class), "手机测试");
		DemoUsers.signOut();

		browser.phoneSize();
		browser.logInAs("huangting");
		browser.open("/");
		// the count arrives by htmx after the page loaded
		assertThat(browser.waitFor(By.id("notification-count")).getText()).matches("\\d+|99\\+");
		browser.click(By.id("notification-bell"));
		browser.waitFor(By.id("notification-list"));
		browser.screenshot("notifications-phone");
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		assertThat(browser.viewportWidth()).isLessThanOrEqualTo(375);
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
			.as("nothing wider than the phone").isLessThanOrEqualTo(375);
		// a long title wraps inside its row instead of running off the screen
		assertThat(((Number) js.executeScript("return Math.max(...Array.from(document.querySelectorAll("
				+ "'#notification-list li, #notification-list li button'), e => e.getBoundingClientRect().right))"))
			.doubleValue()).isLessThanOrEqualTo(375);

		browser.click(By.xpath("//button[normalize-space(.) = '客户「厦门手机消息测试有限公司」已转给您负责']"));
		browser.waitUntil(ExpectedConditions.urlContains("/customers/accounts/" + account), "the account opens");
		assertThat(browser.text()).contains("厦门手机消息测试有限公司");

		browser.open("/notifications");
		browser.click(By.id("mark-all-read"));
		browser.waitFor(By.id("notification-list"));
		browser.waitUntilHidden(By.id("notification-count"));
	}

}
