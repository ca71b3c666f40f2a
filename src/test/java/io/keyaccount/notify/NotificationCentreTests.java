package io.keyaccount.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.CustomerPool;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The notification centre as its reader sees it: the bell, the list, reading, the data scope, the API. */
@KeyaccountTest
class NotificationCentreTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	CustomerPool pool;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	io.keyaccount.platform.setup.Installation installation;

	@Autowired
	io.keyaccount.platform.organisation.Organisation organisation;

	@Autowired
	io.keyaccount.notify.domain.NotificationRepository notificationRecords;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void anAccountTransferredToMeShowsInTheBellAndTheListAndOpensTheAccount() throws Exception {
		long before = unread("huangting");
		long account = transfer("杭州消息中心转入测试有限公司", "liuyang", "huangting");

		assertThat(unread("huangting")).isEqualTo(before + 1);
		String bell = page(get("/notifications/bell"), "huangting");
		assertThat(bell).contains("id=\"notification-count\"", String.valueOf(before + 1));
		String list = page(get("/notifications"), "huangting");
		assertThat(list).contains("客户「杭州消息中心转入测试有限公司」已转给您负责", "客户转给我");

		long id = newestNotificationOf("huangting");
		mvc.perform(post("/notifications/{id}/open", id)
			.with(csrf()).with(DemoUsers.as(staff, "huangting")))
			.andExpect(redirectedUrl("/customers/accounts/" + account));
		assertThat(unread("huangting")).isEqualTo(before);
	}

	@Test
	void theLayoutPollsTheBellWithHtmxAndNoInlineScript() throws Exception {
		String home = page(get("/notifications"), "zhengkai");
		String bell = home.substring(home.indexOf("id=\"notification-bell\""));
		bell = bell.substring(0, bell.indexOf("</a>"));
		assertThat(bell).contains("hx-get=\"/notifications/bell\"", "hx-trigger=\"load, every 30s\"")
			.doesNotContain("onclick", "<script");
	}

	@Test
	void aReaderWhoLostTheAccountSeesNoLongerItsNameNorALink() throws Exception {
		long account = transfer("杭州失去权限测试有限公司", "liuyang", "huangting");
		assertThat(page(get("/notifications"), "huangting")).contains("杭州失去权限测试有限公司");

		DemoUsers.signIn(staff, "wangjianguo");
		customers.transfer(List.of(account), userId("zhengkai"), "区域调整");
		DemoUsers.signOut();

		String list = page(get("/notifications"), "huangting");
		assertThat(list).doesNotContain("杭州失去权限测试有限公司", "/customers/accounts/" + account)
			.contains("您已无权查看该客户，详情已隐藏");
		mvc.perform(post("/notifications/{id}/open", newestNotificationOf("huangting")).with(csrf())
			.with(DemoUsers.as(staff, "huangting")))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(page(get("/notifications"), "zhengkai")).contains("杭州失去权限测试有限公司");
	}

	@Test
	void filtersNarrowTheListAndAnEmptyResultSaysSo() throws Exception {
		transfer("杭州筛选测试有限公司", "liuyang", "zhengkai");
		assertThat(page(get("/notifications").param("kind", "ACCOUNT_TRANSFERRED").param("unread", "true"), "zhengkai"))
			.contains("杭州筛选测试有限公司");
		assertThat(page(get("/notifications").param("kind", "KEY_ACCOUNT_NEGLECTED"), "zhengkai"))
			.doesNotContain("杭州筛选测试有限公司");
		assertThat(page(get("/notifications").param("from", "2001-01-01").param("to", "2001-01-31"), "zhengkai"))
			.contains("暂无消息");
		// nonsense in the filters is ignored, not an error
		assertThat(page(get("/notifications").param("kind", "NOPE").param("from", "yesterday").param("page", "-3"),
				"zhengkai")).contains("杭州筛选测试有限公司");
	}

	@Test
	void markAllReadEmptiesTheBellAndTheUnreadFilter() throws Exception {
		transfer("杭州全部已读测试有限公司", "liuyang", "zhengkai");
		mvc.perform(post("/notifications/read-all").with(csrf()).with(DemoUsers.as(staff, "zhengkai")))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(unread("zhengkai")).isZero();
		assertThat(page(get("/notifications").param("unread", "true"), "zhengkai")).contains("暂无消息");
		assertThat(page(get("/notifications/bell"), "zhengkai")).doesNotContain("notification-count");
	}

	@Test
	void nobodyReadsOrMarksAnotherUsersNotification() throws Exception {
		transfer("杭州他人消息测试有限公司", "liuyang", "huangting");
		long id = newestNotificationOf("huangting");
		mvc.perform(post("/api/v1/notifications/{id}/read", id).with(DemoUsers.as(staff, "zhengkai")))
			.andExpect(status().isNotFound());
		assertThat(page(get("/notifications"), "zhengkai")).doesNotContain("杭州他人消息测试有限公司");
		assertThat(jdbc.queryForObject("select read_at from notification where id = ?", Instant.class, id)).isNull();
	}

	@Test
	void theApiListsCountsAndMarksReadTheCallersOwnNotifications() throws Exception {
		transfer("杭州接口消息测试有限公司", "liuyang", "chenjing");
		long unread = unread("chenjing");
		mvc.perform(get("/api/v1/notifications/unread-count").with(DemoUsers.as(staff, "chenjing")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unread").value(unread));
		mvc.perform(get("/api/v1/notifications").param("unread", "true").with(DemoUsers.as(staff, "chenjing")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].title").value("客户「杭州接口消息测试有限公司」已转给您负责"))
			.andExpect(jsonPath("$.items[0].link").isString());
		long id = newestNotificationOf("chenjing");
		mvc.perform(post("/api/v1/notifications/{id}/read", id).with(DemoUsers.as(staff, "chenjing")))
			.andExpect(status().isNoContent());
		assertThat(unread("chenjing")).isEqualTo(unread - 1);
		mvc.perform(get("/api/v1/notifications").param("kind", "NOPE").with(DemoUsers.as(staff, "chenjing")))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/notifications/read-all").with(DemoUsers.as(staff, "chenjing")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(unread - 1));
	}

	@Test
	void aUserChoosesChannelsPerKindOverTheApiAndThePage() throws Exception {
		mvc.perform(put("/api/v1/notification-preferences").contentType(MediaType.APPLICATION_JSON)
			.content("[{\"kind\":\"ACCOUNT_TRANSFERRED\",\"channels\":[\"EMAIL\",\"DINGTALK\"]}]")
			.with(DemoUsers.as(staff, "zhaolei")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/notification-preferences").with(DemoUsers.as(staff, "zhaolei")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'ACCOUNT_TRANSFERRED')].channels[*]").value(
					org.hamcrest.Matchers.containsInAnyOrder("EMAIL", "DINGTALK")));
		String form = page(get("/notifications/preferences"), "zhaolei");
		assertThat(form).contains("id=\"ch-ACCOUNT_TRANSFERRED-EMAIL\" checked", "钉钉群机器人");

		mvc.perform(post("/notifications/preferences").param("channels_ACCOUNT_TRANSFERRED", "WECOM", "SMS")
			.with(csrf()).with(DemoUsers.as(staff, "zhaolei")))
			.andExpect(redirectedUrl("/notifications/preferences"));
		mvc.perform(get("/api/v1/notification-preferences").with(DemoUsers.as(staff, "zhaolei")))
			.andExpect(jsonPath("$[?(@.kind == 'ACCOUNT_TRANSFERRED')].channels[*]").value(
					org.hamcrest.Matchers.contains("WECOM")));
	}

	@Test
	void aUserWhoChoseNothingFollowsTheCompanyDefaultEvenAfterSavingThePageUnchanged() throws Exception {
		try {
			mvc.perform(post("/admin/notifications/defaults").param("channels_ACCOUNTS_HANDED_OVER", "EMAIL")
				.with(csrf()).with(DemoUsers.as(staff, "admin")))
				.andExpect(redirectedUrl("/admin/notifications/channels"));
			assertThat(page(get("/notifications/preferences"), "wumin"))
				.contains("id=\"ch-ACCOUNTS_HANDED_OVER-EMAIL\" checked");
			mvc.perform(post("/notifications/preferences").param("channels_ACCOUNTS_HANDED_OVER", "EMAIL")
				.with(csrf()).with(DemoUsers.as(staff, "wumin")))
				.andExpect(redirectedUrl("/notifications/preferences"));

			mvc.perform(post("/admin/notifications/defaults").param("channels_ACCOUNTS_HANDED_OVER", "WECOM")
				.with(csrf()).with(DemoUsers.as(staff, "admin")))
				.andExpect(redirectedUrl("/admin/notifications/channels"));
			String form = page(get("/notifications/preferences"), "wumin");
			assertThat(form).contains("id=\"ch-ACCOUNTS_HANDED_OVER-WECOM\" checked")
				.doesNotContain("id=\"ch-ACCOUNTS_HANDED_OVER-EMAIL\" checked");
		}
		finally {
			mvc.perform(post("/admin/notifications/defaults").with(csrf()).with(DemoUsers.as(staff, "admin")));
		}
	}

	@Test
	void theSuccessorOfALeaverHearsHowManyAccountsHeTookOver() throws Exception {
		DemoUsers.signIn(staff, "liming");
		long unit = organisation.user(userId("zhengkai")).getUnitId();
		long leaver = organisation.createUser(new io.keyaccount.platform.organisation.Organisation.NewUserCommand(
				"notify-leaver" + System.nanoTime() % 100000, "Leaver2026",
				new io.keyaccount.platform.organisation.Organisation.UserProfileCommand("离职测试", null, null, unit, null,
						null, java.util.Set.of())))
			.getId();
		String successorName = "notify-successor" + System.nanoTime() % 100000;
		long successor = organisation.createUser(new io.keyaccount.platform.organisation.Organisation.NewUserCommand(
				successorName, "Successor2026",
				new io.keyaccount.platform.organisation.Organisation.UserProfileCommand("接手测试", null, null, unit, null,
						null, java.util.Set.of())))
			.getId();
		customers.create(AccountMother.account("杭州交接消息甲测试有限公司").facts(), leaver, null, true);
		customers.create(AccountMother.account("杭州交接消息乙测试有限公司").facts(), leaver, null, true);

		customers.handOver(leaver, successor);
		DemoUsers.signOut();

		assertThat(page(get("/notifications"), successorName)).contains("2 个客户已交接给您负责", "离职交接给我");
	}

	@Test
	void anIdleKeyAccountNotifiesTheOwnersManager() throws Exception {
		DemoUsers.signIn(staff, "liming");
		long idleKey = customers.create(AccountMother.account("杭州久未跟进重点测试有限公司").facts(), userId("liuyang"), null,
				true);
		customers.designateKeyAccount(idleKey, true);
		DemoUsers.signOut();
		java.sql.Timestamp longAgo = java.sql.Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
		jdbc.update("update account set created_at = ?, last_follow_up_at = ? where id = ?", longAgo, longAgo, idleKey);

		pool.sweep();

		assertThat(page(get("/notifications").param("kind", "KEY_ACCOUNT_NEGLECTED"), "liming"))
			.contains("重点客户「杭州久未跟进重点测试有限公司」已超过公海规则期限未跟进");
	}

	@Test
	void onlyAdministratorsReachTheChannelAndFailurePages() throws Exception {
		mvc.perform(get("/admin/notifications/deliveries").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/notifications/channels").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isForbidden());
		assertThat(page(get("/admin/notifications/channels"), "admin")).contains("企业微信群机器人", "公司默认通知方式");
	}

	@Test
	void anotherCompanysNotificationToTheSameUserIdStaysInThatCompany() throws Exception {
		long otherTenant = installation.install(new io.keyaccount.platform.setup.Installation.InstallCommand(
				"消息测试另一家公司", "notify-admin-" + System.nanoTime(), "管理员", "Other2026pass", "管理员", false));
		long before = unread("huangting");
		// the same recipient id as 黄婷, in another tenant: only the tenant column differs
		io.keyaccount.platform.tenancy.TenantContext.runAs(otherTenant, () -> tx.executeWithoutResult(status ->
				notificationRecords.save(new io.keyaccount.notify.domain.Notification(userId("huangting"),
						NotificationKind.ACCOUNT_TRANSFERRED, "notification.accountTransferred", List.of("别家租户消息测试公司"),
						RecordReference.account(1)))));

		assertThat(page(get("/notifications"), "huangting")).doesNotContain("别家租户消息测试公司");
		mvc.perform(get("/api/v1/notifications/unread-count").with(DemoUsers.as(staff, "huangting")))
			.andExpect(jsonPath("$.unread").value(before));
	}

	/** An account of {@code from}'s that the general manager transfers to {@code to} (salespeople give none away). */
	private long transfer(String name, String from, String to) {
		DemoUsers.signIn(staff, from);
		long account = customers.create(AccountMother.account(name).facts(), null, null, true);
		DemoUsers.signIn(staff, "wangjianguo");
		customers.transfer(List.of(account), userId(to), "测试转移");
		DemoUsers.signOut();
		return account;
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request, String username)
			throws Exception {
		return mvc.perform(((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request)
			.with(DemoUsers.as(staff, username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long unread(String username) {
		return jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.recipient_user_id "
				+ "and u.tenant_id = n.tenant_id where u.username = ? and n.read_at is null", Long.class, username);
	}

	private long newestNotificationOf(String username) {
		return jdbc.queryForObject(
				"select max(n.id) from notification n join app_user u on u.id = n.recipient_user_id "
						+ "and u.tenant_id = n.tenant_id where u.username = ?", Long.class, username);
	}

	private long userId(String username) {
		return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

}
