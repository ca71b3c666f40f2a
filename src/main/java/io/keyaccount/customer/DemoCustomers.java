package io.keyaccount.customer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountTeamMember;
import io.keyaccount.customer.domain.AccountTeamMembers;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.customer.domain.FollowUp;
import io.keyaccount.customer.domain.FollowUps;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.setup.Installation.DemoCompanyRequested;
import io.keyaccount.platform.validation.ChineseIdentifiers;

/**
 * The demo company's customers: a few hundred SME users and small system integrators, a handful of key accounts
 * (one in Thailand), contacts with buying roles and follow-ups. Seeded, so every demo looks the same.
 */
@Component
class DemoCustomers {

	static final int ACCOUNTS = 320;

	private static final String[] CITIES = { "330100:330000:杭州", "330200:330000:宁波", "320100:320000:南京",
			"320500:320000:苏州", "310100:310000:上海", "440100:440000:广州", "440300:440000:深圳", "420100:420000:武汉",
			"510100:510000:成都", "370200:370000:青岛", "350200:350000:厦门", "610100:610000:西安", "110100:110000:北京" };

	private static final String[] BRANDS = { "明华", "华达", "信远", "恒通", "博联", "中瑞", "天启", "汇智", "东方", "金桥", "星辰", "海纳",
			"锐捷", "永泰", "正通", "宏图", "新拓", "广信", "同创", "安远", "润达", "长风", "华信", "智联", "凯越", "德普", "鼎盛", "光华",
			"银河", "晨曦" };

	private static final String[] TRADES = { "网络科技", "通信工程", "信息技术", "系统集成", "电子科技", "智能科技", "数据科技", "光电科技" };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "林", "高", "罗" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
			"秀英", "建华", "志强", "海燕", "晓东" };

	private static final String[] TITLES = { "总经理", "技术总监", "采购经理", "工程部经理", "项目经理", "网络工程师", "财务经理" };

	private static final String[] SUMMARIES = { "拜访客户技术部门，介绍新一代OLT设备，客户对前出线机型有兴趣",
			"电话沟通二期项目进度，客户预计下月启动招标", "与采购经理确认年度框架协议条款，价格需再议",
			"客户反馈上批ONU设备有两台掉线，已安排售后上门", "参加客户年度供应商大会，介绍我司光接入解决方案",
			"微信沟通样机测试结果，客户满意，准备小批量试用" };

	private final Accounts accounts;

	private final Contacts contacts;

	private final FollowUps followUps;

	private final AccountTeamMembers teams;

	private final Organisation organisation;

	DemoCustomers(Accounts accounts, Contacts contacts, FollowUps followUps, AccountTeamMembers teams,
			Organisation organisation) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.followUps = followUps;
		this.teams = teams;
		this.organisation = organisation;
	}

	@EventListener
	@Order(10)
	void on(DemoCompanyRequested event) {
		Random random = new Random(2004);
		Map<String, User> staff = staffByUsername();
		List<User> sales = List.of(staff.get("liuyang"), staff.get("huangting"), staff.get("zhengkai"),
				staff.get("chenjing"), staff.get("zhaolei"));
		List<Account> created = new ArrayList<>();
		created.add(thaiIntegrator(staff.get("chenjing")));
		for (int i = 1; i < ACCOUNTS; i++) {
			User owner = sales.get(i < 12 ? 3 + i % 2 : random.nextInt(sales.size()));
			created.add(account(i, random, owner));
		}
		accounts.saveAll(created);
		Instant now = Instant.now();
		for (int i = 0; i < created.size(); i++) {
			Account account = created.get(i);
			boolean key = i < 12;
			account.designateKeyAccount(key);
			addContacts(account, random, key ? 4 : 1 + random.nextInt(2));
			addFollowUps(account, random, key ? 6 : random.nextInt(3), now);
			if (key) {
				teams.save(new AccountTeamMember(account.getId(), staff.get("sunwei").getId(), TeamRole.TECHNICAL));
				teams.save(new AccountTeamMember(account.getId(), staff.get("wangjianguo").getId(),
						TeamRole.EXECUTIVE_SPONSOR));
				teams.save(new AccountTeamMember(account.getId(), staff.get("zhoufang").getId(), TeamRole.SERVICE));
			}
		}
	}

	private Map<String, User> staffByUsername() {
		Map<String, User> byName = new java.util.HashMap<>();
		organisation.activeUsers().forEach(u -> byName.put(u.getUsername(), u));
		return byName;
	}

	private Account thaiIntegrator(User owner) {
		return new Account(new AccountFacts("Siam Fiber Integration Co., Ltd.", "暹罗光纤", null, "TH-0105558012345",
				Industry.TELECOM, null, null, 85, new BigDecimal("42000000.00"), OwnershipType.FOREIGN,
				"www.siamfiber-demo.co.th", "Bangkok, Thailand", "+66 2 123 4567", AccountSource.EXHIBITION,
				AccountStatus.CUSTOMER, PurchasingMode.CENTRALISED, PurchasePattern.CONTINUOUS, Set.of("海外", "前出线")),
				owner.getId(), owner.getUnitId());
	}

	private Account account(int i, Random random, User owner) {
		String[] city = CITIES[random.nextInt(CITIES.length)].split(":");
		String brand = BRANDS[i % BRANDS.length];
		String trade = TRADES[(i / BRANDS.length + random.nextInt(2)) % TRADES.length];
		String name = city[2] + brand + trade + (i % 7 == 0 ? "股份有限公司" : "有限公司");
		boolean integrator = trade.equals("系统集成") || trade.equals("通信工程");
		int employees = integrator ? 20 + random.nextInt(200) : 50 + random.nextInt(2000);
		AccountStatus status = i < 200 ? AccountStatus.CUSTOMER
				: AccountStatus.values()[random.nextInt(AccountStatus.values().length)];
		String creditCode = ChineseIdentifiers.withCreditCodeCheck(
				"91" + city[0] + String.format("%09d", 100000000 + i * 7919 % 900000000).substring(0, 9));
		return new Account(new AccountFacts(name, brand + trade.substring(0, 2), creditCode, null,
				integrator ? Industry.TELECOM : Industry.values()[random.nextInt(Industry.values().length)], city[1],
				city[0], employees, BigDecimal.valueOf(employees * (200_000L + random.nextInt(800_000))), 
				random.nextInt(5) == 0 ? OwnershipType.STATE_OWNED : OwnershipType.PRIVATE, null, city[2] + "市高新区科技路"
						+ (10 + random.nextInt(300)) + "号", "0571-8" + (1000000 + random.nextInt(8999999)),
				AccountSource.values()[random.nextInt(AccountSource.values().length)], status,
				random.nextBoolean() ? PurchasingMode.CENTRALISED : PurchasingMode.SCATTERED,
				i < 40 ? PurchasePattern.CONTINUOUS : PurchasePattern.values()[random.nextInt(3)],
				integrator ? Set.of("系统集成商") : Set.of("中小企业用户")), owner.getId(), owner.getUnitId());
	}

	private void addContacts(Account account, Random random, int count) {
		Contact boss = null;
		for (int c = 0; c < count; c++) {
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			BuyingRole role = c == 0 ? BuyingRole.DECISION_MAKER : BuyingRole.values()[1 + random.nextInt(4)];
			Contact contact = contacts.save(new Contact(account.getId(), new ContactDetails(name,
					TITLES[c == 0 ? 0 : 1 + random.nextInt(TITLES.length - 1)], c == 0 ? "总经办" : "技术部",
					"13" + (800000000 + random.nextInt(199999999)), null, null, null, role, 1 + random.nextInt(5),
					Attitude.values()[random.nextInt(3)], 1 + random.nextInt(5), boss == null ? null : boss.getId(),
					c == 0 ? "负责公司整体经营，重视设备稳定性和售后响应" : null, c == 0 ? "两个孩子，周末常陪家人" : null,
					random.nextBoolean() ? "羽毛球、茶" : "钓鱼", null)));
			if (boss == null) {
				boss = contact;
			}
		}
	}

	private void addFollowUps(Account account, Random random, int count, Instant now) {
		for (int f = 0; f < count; f++) {
			int daysAgo = f == 0 ? 1 + random.nextInt(24) : 25 + random.nextInt(300);
			Instant at = now.minus(Duration.ofDays(daysAgo).plusHours(random.nextInt(10)));
			LocalDate next = f == 0 && random.nextBoolean() ? LocalDate.now().plusDays(1 + random.nextInt(20)) : null;
			followUps.save(new FollowUp(account.getId(), account.getOwnerUserId(),
					FollowUpKind.values()[random.nextInt(FollowUpKind.values().length)], at, null, null,
					SUMMARIES[random.nextInt(SUMMARIES.length)], next == null ? null : "跟进报价和样机测试", next));
			account.recordFollowUp(at, next);
		}
	}

}
