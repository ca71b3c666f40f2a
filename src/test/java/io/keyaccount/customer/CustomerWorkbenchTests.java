package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The workbench's customer card: what a salesperson sees first in the morning. */
@KeyaccountTest
class CustomerWorkbenchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void theAccountsToContactSoonShowTheNearestDatesOverdueFirstNotTheUndated() throws Exception {
		DemoUsers.signIn(staff, "zhengkai");
		long overdue = customers.create(AccountMother.account("宁波逾期联系测试有限公司").facts(), null, null, true);
		long later = customers.create(AccountMother.account("宁波稍后联系测试有限公司").facts(), null, null, true);
		customers.create(AccountMother.account("宁波未定联系测试有限公司").facts(), null, null, true);
		DemoUsers.signOut();
		// a date in the past can no longer be entered: it is one the salesperson let pass
		jdbc.update("update account set next_follow_up_on = ? where id = ?", LocalDate.of(2001, 1, 2), overdue);
		jdbc.update("update account set next_follow_up_on = ? where id = ?", LocalDate.of(2001, 1, 3), later);

		String card = mvc.perform(get("/").with(DemoUsers.as(staff, "zhengkai")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String due = card.substring(card.indexOf("id=\"due-for-contact\""));
		due = due.substring(0, due.indexOf("</ul>"));
		assertThat(due).contains("宁波逾期联系测试有限公司", "2001-01-02", "text-danger")
			.doesNotContain("宁波未定联系测试有限公司", "暂无待联系的客户");
		assertThat(due.indexOf("宁波逾期联系测试有限公司")).isLessThan(due.indexOf("宁波稍后联系测试有限公司"));
	}

	@Test
	void accountsOfOthersThatIDoNotSeeAreNotDue() throws Exception {
		DemoUsers.signIn(staff, "liuyang");
		long hidden = customers.create(AccountMother.account("宁波他人联系测试有限公司").facts(), null, null, true);
		DemoUsers.signOut();
		jdbc.update("update account set next_follow_up_on = ? where id = ?", LocalDate.of(2000, 1, 1), hidden);
		DemoUsers.signIn(staff, "huangting");
		assertThat(customers.dueForContact(8)).extracting(AccountRow::name).doesNotContain("宁波他人联系测试有限公司");
		DemoUsers.signIn(staff, "wangjianguo");
		assertThat(customers.dueForContact(8)).extracting(AccountRow::name).contains("宁波他人联系测试有限公司");
	}

}
