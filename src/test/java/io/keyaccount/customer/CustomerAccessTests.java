package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** Who sees which account: data scopes in the service, the pages and the API, and the account-team exception. */
@KeyaccountTest
class CustomerAccessTests {

	@Autowired
	CustomerManagement customers;

	@Autowired
	UserDetailsService staff;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	private long createAs(String username, String name) {
		DemoUsers.signIn(staff, username);
		try {
			return customers.create(AccountMother.account(name).facts(), null, null, true);
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private boolean listedFor(String username, String name) {
		DemoUsers.signIn(staff, username);
		try {
			return customers.accounts(new AccountQuery(name, null, null, null, null, null, null, null, View.ALL),
					PageRequest.of(0, 20)).stream().anyMatch(a -> a.name().equals(name));
		}
		finally {
			DemoUsers.signOut();
		}
	}

	@Test
	void aSalespersonWithOwnScopeSeesNeitherAColleaguesAccountNorItsDetailsNorItInTheApi() throws Exception {
		long id = createAs("huangting", "杭州黄婷专属测试有限公司");

		assertThat(listedFor("huangting", "杭州黄婷专属测试有限公司")).isTrue();
		assertThat(listedFor("liuyang", "杭州黄婷专属测试有限公司")).isFalse();
		DemoUsers.signIn(staff, "liuyang");
		assertThatThrownBy(() -> customers.account(id)).isInstanceOf(NotFoundException.class);
		DemoUsers.signOut();

		mvc.perform(get("/customers/accounts/" + id).with(DemoUsers.as(staff, "liuyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts/" + id).with(DemoUsers.as(staff, "liuyang"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts").param("keyword", "黄婷专属").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.totalItems").value(0));
		mvc.perform(get("/api/v1/accounts").param("keyword", "黄婷专属").with(DemoUsers.as(staff, "huangting")))
			.andExpect(jsonPath("$.totalItems").value(1));
	}

	@Test
	void theSalesDirectorSeesAccountsOfHisUnitAndBelow() {
		createAs("zhengkai", "深圳郑凯测试通信有限公司");
		assertThat(listedFor("liming", "深圳郑凯测试通信有限公司")).isTrue();
		assertThat(listedFor("sunwei", "深圳郑凯测试通信有限公司")).isFalse();
	}

	@Test
	void aTeamMemberSeesTheAccountButNotTheOwnersOtherAccounts() {
		long shared = createAs("huangting", "宁波团队共享测试有限公司");
		createAs("huangting", "宁波黄婷另一家测试有限公司");
		DemoUsers.signIn(staff, "huangting");
		long liuyang = ((io.keyaccount.platform.security.KeyaccountUser) staff.loadUserByUsername("liuyang")).userId();
		customers.addTeamMember(shared, liuyang, TeamRole.SERVICE);
		DemoUsers.signOut();

		assertThat(listedFor("liuyang", "宁波团队共享测试有限公司")).isTrue();
		assertThat(listedFor("liuyang", "宁波黄婷另一家测试有限公司")).isFalse();
		DemoUsers.signIn(staff, "liuyang");
		assertThat(customers.account(shared).facts().name()).isEqualTo("宁波团队共享测试有限公司");
		assertThat(customers.accounts(new AccountQuery(null, null, null, null, null, null, null, null, View.TEAM),
				PageRequest.of(0, 50)).stream().map(AccountRow::id)).contains(shared);
		DemoUsers.signOut();

		DemoUsers.signIn(staff, "huangting");
		long memberId = customers.team(shared).stream().filter(m -> m.userId() == liuyang).findFirst().orElseThrow().id();
		customers.removeTeamMember(shared, memberId);
		DemoUsers.signOut();
		assertThat(listedFor("liuyang", "宁波团队共享测试有限公司")).isFalse();
	}

}
