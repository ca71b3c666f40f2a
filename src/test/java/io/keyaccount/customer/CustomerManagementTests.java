package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.keyaccount.customer.FollowUpLog.FollowUpCommand;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.ChineseIdentifiers;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class CustomerManagementTests {

	@Autowired
	CustomerManagement customers;

	@Autowired
	ContactBook contacts;

	@Autowired
	FollowUpLog followUps;

	@Autowired
	CustomerPool pool;

	@Autowired
	AccountMerger merger;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DuplicateFinder duplicates;

	@Autowired
	Organisation organisation;

	@BeforeEach
	void signIn() {
		DemoUsers.signIn(staff, "liming");
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	private long userId(String username) {
		return ((KeyaccountUser) staff.loadUserByUsername(username)).userId();
	}

	@Test
	void anInvalidCreditCodeIsRefusedOnItsField() {
		assertThatThrownBy(() -> customers.create(
				AccountMother.account("杭州校验位测试有限公司").withCreditCode("91330100MA27XK5X1A").facts(), null, null,
				true))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.field()).isEqualTo("creditCode");
				assertThat(ex.messageKey()).isEqualTo("validation.creditCodeCheck");
			});
	}

	@Test
	void aValidCreditCodeIsAcceptedOnceAndItsTwinRefused() {
		String code = ChineseIdentifiers.withCreditCodeCheck("91330100MA2AAAAA1");
		customers.create(AccountMother.account("杭州信用代码一号有限公司").withCreditCode(code).facts(), null, null, true);
		assertThatThrownBy(() -> customers.create(
				AccountMother.account("完全不同的名字有限公司").withCreditCode(code).facts(), null, null, true))
			.hasMessageContaining("account.creditCodeTaken");
	}

	@Test
	void aSimilarNameIsFlaggedAsAPossibleDuplicateUntilConfirmed() {
		customers.create(AccountMother.account("苏州远望光电科技有限公司").facts(), null, null, true);
		assertThatThrownBy(() -> customers.create(AccountMother.account("苏州远望光电科技股份有限公司").facts(), null,
				null, false))
			.isInstanceOfSatisfying(DuplicateAccountsException.class,
					ex -> assertThat(ex.candidates()).extracting(DuplicateFinder.Candidate::name)
						.contains("苏州远望光电科技有限公司"));
		assertThat(customers.create(AccountMother.account("苏州远望光电科技股份有限公司").facts(), null, null, true))
			.isPositive();
	}

	@Test
	void aNameOneCharacterApartOrContainingAnotherIsFoundWhereverItDiffers() {
		customers.create(AccountMother.account("深圳鼎盛华通信息技术有限公司").facts(), null, null, true);
		customers.create(AccountMother.account("广州鼎盛").facts(), null, null, true);

		assertThat(nameDuplicatesOf("深圳丰盛华通信息技术有限公司")).as("a character changed near the start")
			.contains("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("深圳鼎盛华通信息技朮有限公司")).as("a character changed near the end")
			.contains("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("深圳鼎盛盛华通信息技术有限公司")).as("a character added in the first half")
			.contains("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("深圳鼎华通信息技术有限公司")).as("a character left out")
			.contains("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("深圳鼎盛华通信息技术服务有限公司")).as("the new name contains the old one")
			.contains("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("深圳鼎盛华通信息股份有限公司")).as("the old name contains the new one")
			.contains("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("广州鼎胜")).as("a short name one character apart").contains("广州鼎盛");
		assertThat(nameDuplicatesOf("深圳鼎盛华通物流有限公司")).as("two characters apart")
			.doesNotContain("深圳鼎盛华通信息技术有限公司");
		assertThat(nameDuplicatesOf("深圳丰盛华通信息技朮有限公司")).as("two characters apart")
			.doesNotContain("深圳鼎盛华通信息技术有限公司");
	}

	@Test
	void aSecondContactWithTheSameMobileOnTheSameAccountIsRefusedNamingTheFirst() {
		long account = customers.create(AccountMother.account("宁波同号联系人测试有限公司").facts(), null, null, true);
		long other = customers.create(AccountMother.account("宁波另一家联系人测试有限公司").facts(), null, null, true);
		contacts.add(account, new ContactDetails("王采购", null, null, "13857100001", null, null, null, null, null, null,
				null, null, null, null, null, null));
		long second = contacts.add(account, new ContactDetails("王工", null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null));

		assertThatThrownBy(() -> contacts.add(account, new ContactDetails("王经理", null, null, "+86 138-5710-0001", null,
				null, null, null, null, null, null, null, null, null, null, null)))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.field()).isEqualTo("mobile");
				assertThat(ex.messageKey()).isEqualTo("contact.mobileTaken");
				assertThat(ex.arguments()).contains("王采购");
			});
		assertThatThrownBy(() -> contacts.update(second, new ContactDetails("王工", null, null, "13857100001", null, null,
				null, null, null, null, null, null, null, null, null, null), 0))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("contact.mobileTaken"));
		// another company's contact may have it: people change jobs
		contacts.add(other, new ContactDetails("王采购", null, null, "13857100001", null, null, null, null, null, null,
				null, null, null, null, null, null));
		assertThat(contacts.of(account)).extracting(c -> c.getName()).containsExactlyInAnyOrder("王采购", "王工");
	}

	@Test
	void aSharedPhoneOrCreditCodeIsAPossibleDuplicateAndARecycledCreditCodeIsRefused() {
		long withPhone = customers.create(AccountMother.account("杭州电话查重一号有限公司").withPhone("0571-86661234")
			.facts(), null, null, true);
		long withContact = customers.create(AccountMother.account("宁波手机查重二号有限公司").facts(), null, null, true);
		contacts.add(withContact, new ContactDetails("查重联系人", null, null, "13957106543", null, null, null, null, null,
				null, null, null, null, null, null, null));
		String code = ChineseIdentifiers.withCreditCodeCheck("91330100MA2BBBBB1");
		long withCode = customers.create(AccountMother.account("温州代码查重三号有限公司").withCreditCode(code).facts(),
				null, null, true);

		List<DuplicateFinder.Candidate> found = duplicates.candidates(AccountMother.account("完全无关的名字有限公司")
			.withPhone("0571-86661234")
			.withCreditCode(code)
			.facts(), List.of("13957106543"), null);
		assertThat(found).extracting(DuplicateFinder.Candidate::id, DuplicateFinder.Candidate::reason)
			.containsExactly(tuple(withCode, DuplicateFinder.DuplicateReason.CREDIT_CODE),
					tuple(withPhone, DuplicateFinder.DuplicateReason.PHONE),
					tuple(withContact, DuplicateFinder.DuplicateReason.PHONE));
		assertThat(found).extracting(DuplicateFinder.Candidate::ownerName).containsOnly("李明");
		assertThat(duplicates.candidates(AccountMother.account("完全无关的名字有限公司").facts(), List.of(), null)).isEmpty();

		customers.delete(withCode);
		assertThat(duplicates.candidates(AccountMother.account("完全无关的名字有限公司").withCreditCode(code).facts(),
				List.of(), null)).as("an account in the recycle bin is no duplicate").isEmpty();
		assertThatThrownBy(() -> customers.create(AccountMother.account("温州代码查重四号有限公司").withCreditCode(code)
			.facts(), null, null, true)).hasMessageContaining("account.creditCodeInRecycleBin");
	}

	private List<String> nameDuplicatesOf(String name) {
		return duplicates.candidates(AccountMother.account(name).facts(), List.of(), null)
			.stream()
			.filter(c -> c.reason() == DuplicateFinder.DuplicateReason.NAME)
			.map(DuplicateFinder.Candidate::name)
			.toList();
	}

	@Test
	void aFollowUpAppearsOnTheTimelineAndMovesTheAccountsDates() {
		long id = customers.create(AccountMother.account("南京跟进测试有限公司").facts(), null, null, true);
		followUps.log(id, new FollowUpCommand(FollowUpKind.VISIT, null, "李明", null, "拜访技术总监，介绍新设备", "发报价",
				java.time.LocalDate.now().plusDays(3)));

		assertThat(followUps.timeline(id, 10)).extracting(FollowUpLog.FollowUpView::summary)
			.containsExactly("拜访技术总监，介绍新设备");
		AccountView view = customers.account(id);
		assertThat(view.lastFollowUpAt()).isNotNull();
		assertThat(view.nextFollowUpOn()).isEqualTo(java.time.LocalDate.now().plusDays(3));
	}

	@Test
	void aTransferIsRecordedAndAHandoverMovesEveryAccountOfTheLeaver() {
		long leaver = organisation.createUser(new Organisation.NewUserCommand("leaver" + System.nanoTime() % 100000,
				"Leaver2026", new Organisation.UserProfileCommand("即将离职", null, null,
						organisation.user(userId("zhengkai")).getUnitId(), null, null, java.util.Set.of())))
			.getId();
		long a = customers.create(AccountMother.account("武汉交接测试甲有限公司").facts(), leaver, null, true);
		long b = customers.create(AccountMother.account("武汉交接测试乙有限公司").facts(), leaver, null, true);
		customers.transfer(List.of(a), userId("huangting"), "区域调整");
		assertThat(customers.transfersOf(a)).extracting(t -> t.getReason()).containsExactly("区域调整");

		int moved = customers.handOver(leaver, userId("liuyang"));

		assertThat(moved).isEqualTo(1);
		assertThat(customers.account(b).ownerUserId()).isEqualTo(userId("liuyang"));
		assertThat(customers.account(a).ownerUserId()).isEqualTo(userId("huangting"));
		assertThat(jdbc.queryForObject("select count(*) from account where owner_user_id = ?", Long.class, leaver))
			.isZero();
	}

	@Test
	void theSharedPoolHonoursTheDailyLimitAndNeverTakesAKeyAccount() {
		long key = customers.create(AccountMother.account("厦门重点客户测试有限公司").facts(), null, null, true);
		customers.designateKeyAccount(key, true);
		assertThatThrownBy(() -> pool.release(List.of(key), null)).hasMessageContaining("pool.keyAccountNotReleased");

		long ordinary = customers.create(AccountMother.account("厦门公海测试有限公司").facts(), null, null, true);
		pool.release(List.of(ordinary), "暂无需求");
		assertThat(customers.account(ordinary).inPool()).isTrue();

		PoolSettings settings = pool.settings();
		pool.changeSettings(new PoolSettings(true, 30, 7, 0, settings.version()));
		DemoUsers.signIn(staff, "liuyang");
		assertThatThrownBy(() -> pool.claim(ordinary)).hasMessageContaining("pool.claimLimitReached");
		DemoUsers.signIn(staff, "liming");
		pool.changeSettings(new PoolSettings(true, 30, 7, 10, pool.settings().version()));
		DemoUsers.signIn(staff, "liuyang");
		pool.claim(ordinary);
		assertThat(customers.account(ordinary).ownerUserId()).isEqualTo(userId("liuyang"));
	}

	@Test
	void theRuleRecyclesIdleAccountsButOnlyAlertsTheManagerOfAnIdleKeyAccount() {
		long idle = customers.create(AccountMother.account("青岛闲置测试有限公司").facts(), userId("liuyang"), null, true);
		long idleKey = customers.create(AccountMother.account("青岛闲置重点测试有限公司").facts(), userId("liuyang"), null,
				true);
		customers.designateKeyAccount(idleKey, true);
		java.sql.Timestamp longAgo = java.sql.Timestamp.from(Instant.now().minus(90, ChronoUnit.DAYS));
		jdbc.update("update account set created_at = ?, last_follow_up_at = ? where id in (?, ?)", longAgo, longAgo,
				idle, idleKey);

		pool.sweep();

		assertThat(customers.account(idle).inPool()).isTrue();
		assertThat(customers.account(idleKey).inPool()).isFalse();
		assertThat(jdbc.queryForObject(
				"select recipient_id from account_alert where account_id = ? and resolved_at is null", Long.class,
				idleKey)).isEqualTo(userId("liming"));
		assertThat(pool.myAlerts()).extracting(CustomerPool.NeglectAlert::accountId).contains(idleKey);

		followUps.log(idleKey, new FollowUpCommand(FollowUpKind.CALL, null, null, null, "电话回访", null, null));
		assertThat(pool.myAlerts()).extracting(CustomerPool.NeglectAlert::accountId).doesNotContain(idleKey);
	}

	@Test
	void mergingMovesContactsAndFollowUpsAndRecyclesTheDuplicate() {
		long kept = customers.create(AccountMother.account("成都合并保留测试有限公司").facts(), null, null, true);
		long dup = customers.create(AccountMother.account("成都合并保留测试公司").withPhone("028-66668888").facts(), null,
				null, true);
		contacts.add(dup, new ContactDetails("赵采购", "采购经理", null, "13912345678", null, null, null,
				BuyingRole.GATEKEEPER, 3, Attitude.NEUTRAL, 3, null, null, null, null, null));
		followUps.log(dup, new FollowUpCommand(FollowUpKind.CALL, null, null, null, "初次电话", null, null));
		assertThat(customers.duplicatesOf(kept)).extracting(DuplicateFinder.Candidate::id).contains(dup);

		merger.merge(kept, dup);

		assertThat(contacts.of(kept)).extracting(c -> c.getName()).contains("赵采购");
		assertThat(followUps.timeline(kept, 10)).extracting(FollowUpLog.FollowUpView::summary).contains("初次电话");
		assertThat(customers.account(kept).facts().phone()).isEqualTo("028-66668888");
		assertThat(customers.canSee(dup)).isFalse();
	}

	@Test
	void theDetailShowsEveryFactAsSavedWithItsParentAndMatchesWhatTheCreateAnswered() {
		long parent = customers.create(AccountMother.account("上海详情集团测试有限公司").facts(), null, null, true);
		AccountFacts facts = new AccountFacts("上海详情子公司测试有限公司", "详情子",
				ChineseIdentifiers.withCreditCodeCheck("91310000MA1CCCCC1"), "ERP-0042", Industry.FINANCE, "310000",
				"310100", 860, new BigDecimal("123456789.50"), OwnershipType.STATE_OWNED, "https://xiangqing.example.cn",
				"上海市浦东新区世纪大道 100 号", "021-66668888", AccountSource.TENDER, AccountStatus.CUSTOMER,
				PurchasingMode.SCATTERED, PurchasePattern.PROJECT, new LinkedHashSet<>(List.of("金融", "试点")));
		AccountView created = customers.createAndShow(facts, userId("liuyang"), parent, true);

		AccountView detail = customers.account(created.id());
		assertThat(detail.facts()).isEqualTo(facts);
		assertThat(detail).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(created);
		assertThat(detail.createdAt()).isCloseTo(created.createdAt(), within(1, ChronoUnit.MILLIS));
		assertThat(detail.parentName()).isEqualTo("上海详情集团测试有限公司");
		assertThat(detail.ownerName()).isEqualTo("刘洋");
		assertThat(detail.provinceName()).isEqualTo("上海市");
		assertThat(detail.createdBy()).isEqualTo("liming");
		assertThat(detail.group()).isNull();
		assertThat(customers.account(parent).subsidiaries()).extracting(AccountView.AccountRef::name)
			.containsExactly("上海详情子公司测试有限公司");
	}

	@Test
	void aParentCompanyRollsUpItsSubsidiariesAndCannotBecomeItsOwnGrandchild() {
		long group = customers.create(AccountMother.account("浙江光联集团测试有限公司").facts(), null, null, true);
		long child = customers.create(AccountMother.account("杭州光联子公司测试有限公司").facts(), null, group, true);
		long grandchild = customers.create(AccountMother.account("宁波光联孙公司测试有限公司").facts(), null, child, true);
		contacts.add(grandchild, new ContactDetails("钱工", null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null));
		followUps.log(child, new FollowUpCommand(FollowUpKind.CALL, null, null, null, "子公司回访", null, null));

		AccountView parent = customers.account(group);
		assertThat(parent.subsidiaries()).extracting(AccountView.AccountRef::id).containsExactly(child);
		assertThat(parent.group()).isEqualTo(new AccountView.GroupRollup(3, 1, 1));
		long version = parent.version();
		assertThatThrownBy(() -> customers.update(group, parent.facts(), grandchild, version))
			.hasMessageContaining("account.parentCycle");
		assertThatThrownBy(() -> customers.delete(group)).hasMessageContaining("account.hasSubsidiaries");
	}

	@Test
	void aContactsMobileIsCheckedAndItsReportingLineCannotLoop() {
		long id = customers.create(AccountMother.account("西安联系人测试有限公司").facts(), null, null, true);
		assertThatThrownBy(() -> contacts.add(id, new ContactDetails("王工", null, null, "1381234", null, null, null,
				null, null, null, null, null, null, null, null, null)))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> assertThat(ex.field()).isEqualTo("mobile"));
		long boss = contacts.add(id, new ContactDetails("张总", "总经理", null, "+86 138 0013 8000", null, null, null,
				BuyingRole.DECISION_MAKER, 5, Attitude.SUPPORTIVE, 4, null, null, null, null, null));
		long engineer = contacts.add(id, new ContactDetails("李工", "工程师", null, null, null, null, null, BuyingRole.USER,
				2, Attitude.NEUTRAL, 2, boss, null, null, null, null));
		assertThat(contacts.contact(boss).getMobile()).isEqualTo("13800138000");
		long version = contacts.contact(boss).getVersion();
		assertThatThrownBy(() -> contacts.update(boss, new ContactDetails("张总", "总经理", null, null, null, null, null,
				null, null, null, null, engineer, null, null, null, null), version))
			.hasMessageContaining("contact.reportsToCycle");
		assertThat(contacts.orgChart(id)).extracting(e -> e.contact().getName() + e.depth())
			.containsExactly("张总0", "李工1");
	}

}
