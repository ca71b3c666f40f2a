package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.ContactDirectory.ContactRow;
import io.keyaccount.customer.FollowUpLog.FollowUpCommand;
import io.keyaccount.platform.recyclebin.RecycleBin;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.support.DemoUsers;

/**
 * Customer search through the index, as the account list, the contact list, the API and the top-bar search use
 * it: on H2 in {@code CustomerSearchTests}, on PostgreSQL in {@code CustomerSearchPostgresIT}.
 */
abstract class CustomerSearchContract {

	private static final AtomicInteger MOBILES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

	@Autowired
	CustomerManagement customers;

	@Autowired
	ContactBook contacts;

	@Autowired
	ContactDirectory directory;

	@Autowired
	FollowUpLog followUps;

	@Autowired
	RecycleBin recycleBin;

	@Autowired
	UserDetailsService staff;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void pinyinInitialsAndFullPinyinFindNamesWithPolyphonicCharacters() {
		long bank = create("admin", "中国银行检索一号支行");
		long xiamen = create("admin", "厦门长沙检索二号有限公司");
		long chongqing = create("admin", "重庆蚌埠检索三号有限公司");

		assertThat(found("admin", "zgyh")).contains(bank);
		assertThat(found("admin", "zhongguoyinhang")).contains(bank);
		assertThat(found("admin", "yinhang")).contains(bank);
		assertThat(found("admin", "xmcs")).contains(xiamen);
		assertThat(found("admin", "xiamenchangsha")).contains(xiamen);
		assertThat(found("admin", "cqbb")).contains(chongqing);
		assertThat(found("admin", "chongqingbengbu")).contains(chongqing);
		assertThat(found("admin", "cqbbjs")).containsExactly(chongqing);
	}

	@Test
	void aChineseNameWithDigitsIsFoundByItsFullNameAndItsParts() {
		long numbered = create("admin", "数字名称123号科技有限公司");
		long lettered = create("admin", "字母名称ABC科技有限公司");
		long other = create("admin", "数字名称456号科技有限公司");

		assertThat(found("admin", "数字名称123号科技有限公司")).containsExactly(numbered);
		assertThat(found("admin", "数字名称123")).containsExactly(numbered);
		assertThat(found("admin", "123号科技")).containsExactly(numbered);
		assertThat(found("admin", "数字名称")).contains(numbered, other);
		assertThat(found("admin", "字母名称ABC科技有限公司")).containsExactly(lettered);
	}

	@Test
	void pinyinLongerThanTheIndexedPrefixesNarrowsLikeAPrefix() {
		long star = create("admin", "舟山海星检索四号有限公司");
		long ocean = create("admin", "舟山海洋检索五号有限公司");

		assertThat(found("admin", "zhoushanhai")).contains(star, ocean);
		assertThat(found("admin", "zhoushanhaix")).contains(star).doesNotContain(ocean);
		assertThat(found("admin", "haiyangjiansuo")).contains(ocean).doesNotContain(star);
		assertThat(found("admin", "zshxjssh")).containsExactly(star);
		assertThat(found("admin", "zshyjswhy")).containsExactly(ocean);
		assertThat(found("admin", "zhoushanhx")).doesNotContain(star, ocean);
	}

	@Test
	void theInitialsOfALongNameFindItWhenTypedInFull() {
		long id = create("admin", "内蒙古自治区呼和浩特检索长名字新能源科技股份有限公司");
		String initials = "nmgzzqhhhtjscmzxnykjgfyxgs";

		assertThat(found("admin", initials)).contains(id);
		assertThat(found("admin", initials.substring(0, 10))).contains(id);
	}

	@Test
	void aTwoCharacterTermFindsNamesWithThoseTwoCharactersTogether() {
		long together = create("admin", "宁波华达检索测试有限公司");
		long apart = create("admin", "宁波华信达检索测试有限公司");

		List<Long> found = found("admin", "华达");
		assertThat(found).contains(together).doesNotContain(apart);
		assertThat(found("admin", "华达 宁波")).contains(together).doesNotContain(apart);
		assertThat(found("admin", "华 检索测试")).contains(together, apart);
	}

	@Test
	void aContactsMobileNumberFindsTheAccountAndTheContact() {
		long id = create("admin", "嘉兴号码检索测试有限公司");
		String mobile = nextMobile();
		DemoUsers.signIn(staff, "admin");
		long contact = contacts.add(id, contact("钱检索", mobile, null, null));

		assertThat(found("admin", mobile)).containsExactly(id);
		assertThat(found("admin", mobile.substring(0, 7))).contains(id);
		assertThat(found("admin", mobile.substring(7))).contains(id);
		// past the indexed prefixes: a prefix of the whole number
		assertThat(found("admin", mobile.substring(0, 10))).contains(id);
		String otherTenth = mobile.substring(0, 9) + (char) ('0' + (mobile.charAt(9) - '0' + 1) % 10);
		assertThat(found("admin", otherTenth)).doesNotContain(id);
		assertThat(contactsFound("admin", mobile)).extracting(ContactRow::id).containsExactly(contact);
		assertThat(contactsFound("admin", "qianjiansuo")).extracting(ContactRow::id).contains(contact);
	}

	@Test
	void aContactsEmailFindsItByItsBeginningOrItsDomain() {
		long id = create("admin", "丽水邮箱检索测试有限公司");
		DemoUsers.signIn(staff, "admin");
		long contact = contacts.add(id, contact("周邮箱", nextMobile(), null, "Zhou.Youxiang@Lishui-Jiansuo.cn"));

		assertThat(contactsFound("admin", "zhou.you")).extracting(ContactRow::id).contains(contact);
		assertThat(contactsFound("admin", "zhou.youxiang@")).extracting(ContactRow::id).contains(contact);
		assertThat(contactsFound("admin", "zhou.youxiang@lishui-jiansuo.cn")).extracting(ContactRow::id)
			.containsExactly(contact);
		assertThat(contactsFound("admin", "lishui-jiansuo")).extracting(ContactRow::id).containsExactly(contact);
		assertThat(found("admin", "lishui-jiansuo.cn")).containsExactly(id);
		assertThat(contactsFound("admin", "zhou.youxiang@x")).extracting(ContactRow::id).doesNotContain(contact);
	}

	@Test
	void wordsInFollowUpsAndContactNotesFindTheAccount() {
		long id = create("admin", "湖州笔记检索测试有限公司");
		DemoUsers.signIn(staff, "admin");
		followUps.log(id, new FollowUpCommand(FollowUpKind.VISIT, null, null, null, "客户计划采购量子加密交换机", null, null));
		long contact = contacts.add(id, contact("孙笔记", nextMobile(), "周末爱打冰球", null));

		assertThat(found("admin", "量子加密")).containsExactly(id);
		assertThat(found("admin", "冰球")).contains(id);
		assertThat(contactsFound("admin", "冰球")).extracting(ContactRow::id).contains(contact);
	}

	@Test
	void aSalespersonWithOwnScopeCannotFindAColleaguesAccountAnywhereUntilOnItsTeam() throws Exception {
		long id = create("huangting", "温州黄婷检索专属有限公司");
		DemoUsers.signIn(staff, "huangting");
		contacts.add(id, contact("吴专属", nextMobile(), null, null));
		DemoUsers.signOut();

		assertThat(found("huangting", "黄婷检索")).containsExactly(id);
		assertThat(found("liuyang", "黄婷检索")).isEmpty();
		assertThat(found("liuyang", "wzhtjs")).isEmpty();
		assertThat(contactsFound("liuyang", "吴专属")).isEmpty();
		mvc.perform(get("/api/v1/accounts").param("keyword", "黄婷检索").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.totalItems").value(0));
		mvc.perform(get("/api/v1/search").param("q", "黄婷检索").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.accounts.length()").value(0));
		mvc.perform(get("/search").param("q", "黄婷检索").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("温州黄婷检索专属有限公司"))));
		mvc.perform(get("/search").param("q", "吴专属").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(content().string(not(containsString("/customers/contacts/"))));

		DemoUsers.signIn(staff, "huangting");
		customers.addTeamMember(id, userId("liuyang"), TeamRole.SERVICE);
		DemoUsers.signOut();

		assertThat(found("liuyang", "黄婷检索")).containsExactly(id);
		assertThat(contactsFound("liuyang", "吴专属")).hasSize(1);
		mvc.perform(get("/api/v1/accounts").param("keyword", "wzhtjs").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.totalItems").value(1));
		mvc.perform(get("/api/v1/search").param("q", "黄婷检索").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(jsonPath("$.accounts[0].id").value(id));
		mvc.perform(get("/search").param("q", "黄婷检索").with(DemoUsers.as(staff, "liuyang")))
			.andExpect(content().string(containsString("/customers/accounts/" + id)));
	}

	@Test
	void theIndexFollowsRenamesDeletionsAndRestores() {
		long id = create("admin", "绍兴旧名检索有限公司");
		assertThat(found("admin", "旧名检索")).containsExactly(id);

		DemoUsers.signIn(staff, "admin");
		AccountView account = customers.account(id);
		AccountFacts f = account.facts();
		customers.update(id, new AccountFacts("绍兴新名检索有限公司", f.shortName(), f.creditCode(), f.externalId(),
				f.industry(), f.provinceCode(), f.cityCode(), f.employees(), f.annualRevenue(), f.ownershipType(),
				f.website(), f.address(), f.phone(), f.source(), f.status(), f.purchasingMode(), f.purchasePattern(),
				f.tags()), account.parentId(), account.version());
		DemoUsers.signOut();
		assertThat(found("admin", "新名检索")).containsExactly(id);
		assertThat(found("admin", "sxxmjs")).containsExactly(id);
		assertThat(found("admin", "旧名检索")).isEmpty();

		DemoUsers.signIn(staff, "admin");
		customers.delete(id);
		DemoUsers.signOut();
		assertThat(found("admin", "新名检索")).isEmpty();

		DemoUsers.signIn(staff, "admin");
		recycleBin.restore("account", id);
		DemoUsers.signOut();
		assertThat(found("admin", "新名检索")).containsExactly(id);
	}

	@Test
	void aContactsChangesReachItsAccountsDocument() {
		long id = create("admin", "台州联系人检索测试有限公司");
		DemoUsers.signIn(staff, "admin");
		long contact = contacts.add(id, contact("欧阳检索", nextMobile(), null, null));
		DemoUsers.signOut();
		assertThat(found("admin", "欧阳检索")).containsExactly(id);
		assertThat(found("admin", "oyjs")).containsExactly(id);

		DemoUsers.signIn(staff, "admin");
		contacts.delete(contact);
		DemoUsers.signOut();
		assertThat(found("admin", "欧阳检索")).isEmpty();
		assertThat(contactsFound("admin", "欧阳检索")).isEmpty();
	}

	@Test
	void keywordResultsKeepTheListsFiltersSortAndPaging() {
		long first = create("admin", "丽水分页检索甲有限公司");
		long second = create("admin", "丽水分页检索乙有限公司");
		long third = create("admin", "丽水分页检索丙有限公司");
		DemoUsers.signIn(staff, "admin");
		customers.designateKeyAccount(second, true);
		var page = customers.accounts(query("分页检索", null), PageRequest.of(0, 2,
				org.springframework.data.domain.Sort.by("createdAt")));
		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(page.getContent()).extracting(AccountRow::id).containsExactly(first, second);
		assertThat(customers.accounts(query("分页检索", null), PageRequest.of(1, 2,
				org.springframework.data.domain.Sort.by("createdAt"))).getContent()).extracting(AccountRow::id)
			.containsExactly(third);
		assertThat(customers.accounts(query("分页检索", true), PageRequest.of(0, 20)).getContent())
			.extracting(AccountRow::id)
			.containsExactly(second);
	}

	private long create(String username, String name) {
		DemoUsers.signIn(staff, username);
		try {
			return customers.create(AccountMother.account(name).facts(), null, null, true);
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private List<Long> found(String username, String keyword) {
		DemoUsers.signIn(staff, username);
		try {
			return customers.accounts(query(keyword, null), PageRequest.of(0, 50))
				.stream()
				.map(AccountRow::id)
				.toList();
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private List<ContactRow> contactsFound(String username, String keyword) {
		DemoUsers.signIn(staff, username);
		try {
			return directory.search(keyword, null, PageRequest.of(0, 50)).getContent();
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private static AccountQuery query(String keyword, Boolean keyAccount) {
		return new AccountQuery(keyword, null, null, null, null, null, null, keyAccount, View.ALL);
	}

	private static ContactDetails contact(String name, String mobile, String workNotes, String email) {
		return new ContactDetails(name, "采购经理", null, mobile, null, email, null, BuyingRole.USER, 3, null, null, null,
				workNotes, null, null, null);
	}

	private static String nextMobile() {
		return "139" + String.format("%08d", MOBILES.incrementAndGet() % 100_000_000);
	}

	private long userId(String username) {
		return ((KeyaccountUser) staff.loadUserByUsername(username)).userId();
	}

}
