package io.keyaccount.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.notify.channel.RobotSettings;
import io.keyaccount.notify.sending.DeliverySender;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * The outbox on its way out: an SMTP server (GreenMail) and two group robots on local ports receive what the
 * sender sends; failures are retried with backoff, shown to administrators and retried by hand.
 */
@KeyaccountTest
class NotificationDeliveryTests {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final RobotReceiver WECOM;

	static final RobotReceiver DINGTALK;

	static {
		MAIL.start();
		try {
			WECOM = new RobotReceiver(null);
			DINGTALK = new RobotReceiver("SECnotify-test-secret-0123456789");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("keyaccount.notify.max-attempts", () -> 2);
		registry.add("keyaccount.notify.base-url", () -> "https://crm.example.cn");
	}

	@AfterAll
	static void stopServers() {
		MAIL.stop();
		WECOM.close();
		DINGTALK.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Notifications notifications;

	@Autowired
	RobotSettings robots;

	@Autowired
	DeliverySender sender;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@BeforeEach
	void robotsUp() throws Exception {
		DemoUsers.signIn(staff, "admin");
		robots.save(Channel.WECOM, true, WECOM.url("/cgi-bin/webhook/send?key=wecom-robot-key-12345"), null, "admin");
		robots.save(Channel.DINGTALK, true, DINGTALK.url("/robot/send?access_token=ding-token-67890"),
				"SECnotify-test-secret-0123456789", "admin");
		DemoUsers.signOut();
		sender.sendDue();
		MAIL.purgeEmailFromAllMailboxes();
		WECOM.bodies.clear();
		WECOM.refusals.clear();
		WECOM.busy = false;
		DINGTALK.bodies.clear();
		DINGTALK.refusals.clear();
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void aTransferReachesTheNewOwnerByMailWeComAndASignedDingTalkMessageOnceEach() throws Exception {
		choose("zhengkai", Channel.EMAIL, Channel.WECOM, Channel.DINGTALK);
		long account = transfer("苏州三渠道测试有限公司", "liuyang", "zhengkai");
		assertThat(statuses(account)).containsExactlyInAnyOrder("PENDING", "PENDING", "PENDING");

		sender.sendDue();

		MimeMessage[] mails = MAIL.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("zhengkai@guanglian-demo.cn");
		assertThat(mails[0].getSubject()).isEqualTo("【Keyaccount】客户「苏州三渠道测试有限公司」已转给您负责");
		assertThat((String) mails[0].getContent()).contains("https://crm.example.cn/customers/accounts/" + account);
		assertThat(WECOM.bodies).singleElement().asString()
			.contains("\"msgtype\":\"markdown\"", "苏州三渠道测试有限公司");
		assertThat(DINGTALK.refusals).isEmpty();
		assertThat(DINGTALK.bodies).singleElement().asString()
			.contains("\"msgtype\":\"markdown\"", "苏州三渠道测试有限公司", "/customers/accounts/" + account);
		assertThat(statuses(account)).containsOnly("SENT");

		sender.sendDue();
		assertThat(MAIL.getReceivedMessages()).hasSize(1);
		assertThat(WECOM.bodies).hasSize(1);
		assertThat(DINGTALK.bodies).hasSize(1);
	}

	@Test
	void aFailingRobotIsRetriedLaterThenShownToAdministratorsWhoSendItAgain() throws Exception {
		choose("huangting", Channel.WECOM);
		WECOM.busy = true;
		long account = transfer("苏州重试测试有限公司", "liuyang", "huangting");

		sender.sendDue();
		assertThat(WECOM.refusals).hasSize(1);
		assertThat(statuses(account)).containsExactly("PENDING");
		sender.sendDue();
		assertThat(WECOM.refusals).as("not yet due: the first retry waits a second").hasSize(1);

		await().atMost(Duration.ofSeconds(15)).until(() -> {
			sender.sendDue();
			return WECOM.refusals.size() == 2;
		});
		assertThat(statuses(account)).containsExactly("FAILED");
		String failures = mvc.perform(get("/admin/notifications/deliveries").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(failures).contains("企业微信群机器人", "黄婷", "system busy", "已尝试 2 次")
			.doesNotContain("苏州重试测试有限公司");

		WECOM.busy = false;
		long delivery = jdbc.queryForObject("select d.id from notification_delivery d join notification n "
				+ "on n.id = d.notification_id where n.record_id = ?", Long.class, account);
		mvc.perform(post("/admin/notifications/deliveries/{id}/retry", delivery).with(csrf())
			.with(DemoUsers.as(staff, "admin")))
			.andExpect(redirectedUrl("/admin/notifications/deliveries"));
		sender.sendDue();
		assertThat(WECOM.bodies).singleElement().asString().contains("苏州重试测试有限公司");
		assertThat(statuses(account)).containsExactly("SENT");
	}

	@Test
	void aDeliveryAnotherNodeHoldsIsSkippedNotSentTwice() throws Exception {
		choose("chenjing", Channel.EMAIL);
		long held = transfer("苏州锁定测试有限公司", "liuyang", "chenjing");
		long free = transfer("苏州未锁测试有限公司", "liuyang", "chenjing");
		long heldDelivery = jdbc.queryForObject("select d.id from notification_delivery d join notification n "
				+ "on n.id = d.notification_id where n.record_id = ?", Long.class, held);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService otherNode = Executors.newSingleThreadExecutor();
		try {
			Future<?> holding = otherNode.submit(() -> transaction.executeWithoutResult(status -> {
				jdbc.queryForList("select id from notification_delivery where id = ? for update", heldDelivery);
				locked.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			locked.await();
			sender.sendDue();
			assertThat(statuses(free)).containsExactly("SENT");
			assertThat(statuses(held)).containsExactly("PENDING");
			release.countDown();
			holding.get();
		}
		finally {
			release.countDown();
			otherNode.shutdown();
		}
		sender.sendDue();
		assertThat(statuses(held)).containsExactly("SENT");
		assertThat(MAIL.getReceivedMessages()).hasSize(2);
	}

	@Test
	void theRobotPageNeverShowsTheWebhookKeyOrTheSecret() throws Exception {
		String page = mvc.perform(get("/admin/notifications/channels").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("wecom-robot-key-12345", "ding-token-67890", "SECnotify-test-secret")
			.contains("••••");
		assertThat(jdbc.queryForList("select webhook_enc from notification_channel_setting", String.class))
			.noneMatch(stored -> stored.contains("robot-key") || stored.contains("127.0.0.1"));
		// a blank field keeps the stored value: the robot still works
		mvc.perform(post("/admin/notifications/channels/DINGTALK").param("enabled", "true").param("webhook", "")
			.param("secret", "").with(csrf()).with(DemoUsers.as(staff, "admin")))
			.andExpect(redirectedUrl("/admin/notifications/channels"));
		choose("zhaolei", Channel.DINGTALK);
		transfer("苏州保留密钥测试有限公司", "liuyang", "zhaolei");
		sender.sendDue();
		assertThat(DINGTALK.bodies).singleElement().asString().contains("苏州保留密钥测试有限公司");
	}

	private void choose(String username, Channel... channels) {
		DemoUsers.signIn(staff, username);
		notifications.choose(Map.of(NotificationKind.ACCOUNT_TRANSFERRED, EnumSet.of(channels[0], channels)));
		DemoUsers.signOut();
	}

	private long transfer(String name, String from, String to) {
		DemoUsers.signIn(staff, from);
		long account = customers.create(AccountMother.account(name).facts(), null, null, true);
		// a salesperson gives no account away (ADR 0014): the general manager moves it
		DemoUsers.signIn(staff, "wangjianguo");
		customers.transfer(List.of(account), userId(to), "测试转移");
		DemoUsers.signOut();
		return account;
	}

	private List<String> statuses(long account) {
		return jdbc.queryForList("select d.status from notification_delivery d join notification n "
				+ "on n.id = d.notification_id where n.record_type = 'account' and n.record_id = ?", String.class,
				account);
	}

	private long userId(String username) {
		return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

}
