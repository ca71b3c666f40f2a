package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.FollowUpLog.FollowUpCommand;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** A salesperson corrects or deletes a follow-up he just wrote, and names the colleagues who came along. */
@KeyaccountTest
class FollowUpEditingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	FollowUpLog followUps;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	private long userId(String username) {
		return ((KeyaccountUser) staff.loadUserByUsername(username)).userId();
	}

	/** An account of 黄婷's with one follow-up she wrote (next contact in a week); returns {account, follow-up}. */
	private long[] accountWithFollowUp(String name, List<Long> participants) {
		DemoUsers.signIn(staff, "huangting");
		long account = customers.create(AccountMother.account(name).facts(), null, null, true);
		long followUp = followUps.log(account, new FollowUpCommand(FollowUpKind.VISIT, null, null, null, "初次拜访采购部",
				null, LocalDate.now().plusDays(7), participants));
		DemoUsers.signOut();
		return new long[] { account, followUp };
	}

	private String timeline(long account, String username) throws Exception {
		return mvc.perform(get("/customers/accounts/" + account).param("tab", "followups")
			.with(DemoUsers.as(staff, username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long auditRows(long followUp, String action) {
		return jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'FollowUp' and entity_id = ? and action = ?",
				Long.class, followUp, action);
	}

	@Test
	void ourParticipantsAreShownOnTheFollowUpList() throws Exception {
		long[] ids = accountWithFollowUp("温州参与人测试有限公司", List.of(userId("chenjing"), userId("liming")));
		assertThat(timeline(ids[0], "huangting")).contains("我方参与人：", "陈静", "李明");
	}

	@Test
	void theAuthorCorrectsHerFollowUpAndTheChangeIsAudited() throws Exception {
		long[] ids = accountWithFollowUp("温州修改跟进测试有限公司", List.of());
		assertThat(timeline(ids[0], "huangting")).contains("/follow-ups/" + ids[1] + "/edit");
		mvc.perform(get("/customers/accounts/" + ids[0] + "/follow-ups/" + ids[1] + "/edit")
			.with(DemoUsers.as(staff, "huangting")))
			.andExpect(status().isOk());
		long version = jdbc.queryForObject("select version from follow_up where id = ?", Long.class, ids[1]);
		mvc.perform(post("/customers/accounts/" + ids[0] + "/follow-ups/" + ids[1]).with(csrf())
			.with(DemoUsers.as(staff, "huangting"))
			.param("kind", "CALL")
			.param("summary", "电话确认采购部需求")
			.param("participantUserIds", String.valueOf(userId("chenjing")))
			.param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "followUp.saved"));
		assertThat(timeline(ids[0], "huangting")).contains("电话确认采购部需求", "陈静").doesNotContain("初次拜访采购部");
		assertThat(auditRows(ids[1], "UPDATE")).isOne();
	}

	@Test
	void theAuthorDeletesHerFollowUpAndTheAccountForgetsItsNextContact() throws Exception {
		long[] ids = accountWithFollowUp("温州删除跟进测试有限公司", List.of());
		mvc.perform(post("/customers/accounts/" + ids[0] + "/follow-ups/" + ids[1] + "/delete").with(csrf())
			.with(DemoUsers.as(staff, "huangting")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("toastKey", "followUp.deleted"));
		assertThat(timeline(ids[0], "huangting")).doesNotContain("初次拜访采购部");
		assertThat(auditRows(ids[1], "DELETE")).isOne();
		DemoUsers.signIn(staff, "huangting");
		assertThat(customers.account(ids[0]).nextFollowUpOn()).isNull();
		assertThat(customers.account(ids[0]).lastFollowUpAt()).isNull();
	}

	@Test
	void onlyTheAuthorMayChangeAFollowUp() throws Exception {
		long[] ids = accountWithFollowUp("温州他人跟进测试有限公司", List.of());
		// the general manager sees the account but did not write the follow-up
		assertThat(timeline(ids[0], "wangjianguo")).contains("初次拜访采购部").doesNotContain("/follow-ups/" + ids[1] + "/edit");
		mvc.perform(post("/customers/accounts/" + ids[0] + "/follow-ups/" + ids[1] + "/delete").with(csrf())
			.with(DemoUsers.as(staff, "wangjianguo")))
			.andExpect(flash().attribute("toastKey", "followUp.onlyAuthor"));
		assertThat(timeline(ids[0], "huangting")).contains("初次拜访采购部");
	}

	@Test
	void aFollowUpIsEditedOnlyUnderItsOwnAccount() throws Exception {
		long[] ids = accountWithFollowUp("温州本账跟进测试有限公司", List.of());
		long[] other = accountWithFollowUp("温州别账跟进测试有限公司", List.of());
		// the author sees and may change both accounts: only the pairing in the address is wrong
		String path = "/customers/accounts/" + other[0] + "/follow-ups/" + ids[1];
		long version = jdbc.queryForObject("select version from follow_up where id = ?", Long.class, ids[1]);

		mvc.perform(get(path + "/edit").with(DemoUsers.as(staff, "huangting"))).andExpect(status().isNotFound());
		mvc.perform(post(path).with(csrf()).with(DemoUsers.as(staff, "huangting")).param("kind", "CALL")
			.param("summary", "挂错客户的改写").param("version", String.valueOf(version)))
			.andExpect(status().isNotFound());
		mvc.perform(post(path + "/delete").with(csrf()).with(DemoUsers.as(staff, "huangting")))
			.andExpect(status().isNotFound());

		assertThat(timeline(ids[0], "huangting")).contains("初次拜访采购部").doesNotContain("挂错客户的改写");
		assertThat(jdbc.queryForObject("select count(*) from follow_up where id = ? and deleted_at is null", Long.class,
				ids[1])).isOne();
	}

	@Test
	void aUserWhoMayNoLongerLogFollowUpsNoLongerCorrectsHisOwn() throws Exception {
		long[] ids = accountWithFollowUp("温州只读跟进测试有限公司", List.of());
		// 孙伟 (R&D, read only) is on the account's team and wrote the follow-up, as before his role became read-only
		DemoUsers.signIn(staff, "huangting");
		customers.addTeamMember(ids[0], userId("sunwei"), TeamRole.SERVICE);
		DemoUsers.signOut();
		jdbc.update("update follow_up set author_user_id = ? where id = ?", userId("sunwei"), ids[1]);
		String path = "/customers/accounts/" + ids[0] + "/follow-ups/" + ids[1];

		mvc.perform(get(path + "/edit").with(DemoUsers.as(staff, "sunwei"))).andExpect(status().isForbidden());
		mvc.perform(post(path).with(csrf()).with(DemoUsers.as(staff, "sunwei")).param("kind", "CALL")
			.param("summary", "只读角色改写的跟进").param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post(path + "/delete").with(csrf()).with(DemoUsers.as(staff, "sunwei")))
			.andExpect(status().isForbidden());

		assertThat(timeline(ids[0], "huangting")).contains("初次拜访采购部").doesNotContain("只读角色改写的跟进");
	}

	@Test
	void afterTheEditWindowTheFollowUpStaysAsWritten() throws Exception {
		long[] ids = accountWithFollowUp("温州过期跟进测试有限公司", List.of());
		jdbc.update("update follow_up set created_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), ids[1]);
		assertThat(timeline(ids[0], "huangting")).doesNotContain("/follow-ups/" + ids[1] + "/edit");
		DemoUsers.signIn(staff, "huangting");
		assertThatThrownBy(() -> followUps.delete(ids[0], ids[1])).isInstanceOfSatisfying(BusinessRuleException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("followUp.editWindowPassed"));
		assertThat(followUps.timeline(ids[0], 10)).extracting(FollowUpLog.FollowUpView::summary)
			.containsExactly("初次拜访采购部");
	}

	@Test
	void aParticipantMustBeAUserOfTheCompany() {
		DemoUsers.signIn(staff, "huangting");
		long account = customers.create(AccountMother.account("温州外人参与测试有限公司").facts(), null, null, true);
		assertThatThrownBy(() -> followUps.log(account, new FollowUpCommand(FollowUpKind.VISIT, null, null, null, "拜访",
				null, null, List.of(999_999_999L))))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("followUp.participantUnknown"));
	}

}
