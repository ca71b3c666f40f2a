package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.search.CustomerIndex;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.BoundedPage;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.setup.Installation;
import io.keyaccount.platform.setup.Installation.InstallCommand;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * The account list's SQL ({@link AccountListing}) selects exactly the accounts of the list's specification (which
 * exports and the keyword search use), for every view and filter, for users of every data scope and for members
 * of account teams.
 */
@KeyaccountTest
class AccountListingTests {

	/** 总经理 (all), 销售总监 (unit and below), 大客户经理 (unit), 销售代表 (own), 研发评估 and 客服 (own, on key accounts' teams). */
	private static final List<String> STAFF = List.of("wangjianguo", "liming", "chenjing", "huangting", "sunwei",
			"zhoufang");

	@Autowired
	CustomerManagement customers;

	@Autowired
	CustomerPool pool;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService staff;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Installation installation;

	@Autowired
	DuplicateFinder duplicates;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Organisation organisation;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	CustomerIndex index;

	@Autowired
	DataSource dataSource;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	/** The list orders pages by these column lists only because an index has them: a migration must not drop one. */
	@Test
	void everyIndexThePageIsReadInTheOrderOfIsInTheSchema() throws SQLException {
		// index name → its columns by position
		Map<String, SortedMap<Short, String>> schemaIndexes = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			String table = metadata.storesUpperCaseIdentifiers() ? "ACCOUNT" : "account";
			try (ResultSet rs = metadata.getIndexInfo(null, null, table, false, false)) {
				while (rs.next()) {
					if (rs.getString("COLUMN_NAME") != null) {
						schemaIndexes.computeIfAbsent(rs.getString("INDEX_NAME"), name -> new TreeMap<>())
							.put(rs.getShort("ORDINAL_POSITION"), "a." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		assertThat(schemaIndexes).isNotEmpty();
		for (List<String> sorted : AccountListing.SORTED_INDEXES) {
			assertThat(schemaIndexes.values())
				.as("an index of account beginning with %s", sorted)
				.anySatisfy(index -> assertThat(List.copyOf(index.values())).startsWith(sorted.toArray(String[]::new)));
		}
	}

	@Test
	void everyViewAndFilterListsWhatTheSpecificationSelectsForEveryDataScope() {
		long tagged = createAs("huangting", "杭州列表标签测试有限公司", Set.of("华东", "展会线索", "复购"));
		createAs("liuyang", "宁波列表标签测试有限公司", Set.of("展会线索"));
		long pooled = createAs("zhengkai", "深圳列表公海测试有限公司", Set.of());
		DemoUsers.signIn(staff, "wangjianguo");
		pool.release(List.of(pooled), "列表测试");
		Account sample = accounts.findById(tagged).orElseThrow();
		DemoUsers.signOut();

		List<AccountQuery> queries = new ArrayList<>();
		for (View view : View.values()) {
			queries.add(query(view, null, null, null, null, null, null, null));
		}
		queries.add(query(View.ALL, AccountStatus.INTENT, null, null, null, null, null, null));
		queries.add(query(View.ALL, null, sample.getIndustry(), sample.getProvinceCode(), null, null, null, null));
		queries.add(query(View.ALL, null, null, null, sample.getOwnerUserId(), null, null, null));
		queries.add(query(View.ALL, null, null, null, null, sample.getOwnerUnitId(), null, null));
		queries.add(query(View.UNIT, null, null, null, null, null, null, true));
		queries.add(query(View.ALL, null, null, null, null, null, null, false));
		for (String tag : List.of("华东", "展会线索", "复购", "展会")) {
			queries.add(query(View.ALL, null, null, null, null, null, tag, null));
		}

		int nonEmpty = 0;
		for (String username : STAFF) {
			DemoUsers.signIn(staff, username);
			for (AccountQuery query : queries) {
				Set<Long> listed = customers.accounts(query, PageRequest.of(0, 1000, Sort.by("name")))
					.stream()
					.map(AccountRow::id)
					.collect(Collectors.toSet());
				Set<Long> specified = tx.execute(status -> accounts.findAll(customers.specification(query))
					.stream()
					.map(Account::getId)
					.collect(Collectors.toSet()));
				assertThat(listed).as("%s, %s", username, query).isEqualTo(specified);
				nonEmpty += listed.isEmpty() ? 0 : 1;
			}
			DemoUsers.signOut();
		}
		// the comparison means something only if most lists hold accounts
		assertThat(nonEmpty).isGreaterThan(STAFF.size() * queries.size() / 2);
	}

	@Test
	void theListIsSortedAndPagedWithABoundedTotal() {
		DemoUsers.signIn(staff, "liming");
		AccountQuery all = query(View.ALL, null, null, null, null, null, null, null);
		List<AccountRow> whole = customers.accounts(all, PageRequest.of(0, 1000, Sort.by(Sort.Direction.DESC, "createdAt")))
			.getContent();
		assertThat(whole).hasSizeGreaterThan(40);
		assertThat(whole).extracting(AccountRow::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		Page<AccountRow> third = customers.accounts(all, PageRequest.of(2, 7, Sort.by("name")));
		assertThat(third.getTotalElements()).isEqualTo(whole.size());
		assertThat(third).isInstanceOf(BoundedPage.class);
		assertThat(((BoundedPage<AccountRow>) third).isTotalExact()).isTrue();
		assertThat(third.getContent()).hasSize(7);
		List<String> names = customers.accounts(all, PageRequest.of(0, 1000, Sort.by("name")))
			.stream()
			.map(AccountRow::name)
			.toList();
		assertThat(third.getContent()).extracting(AccountRow::name).containsExactlyElementsOf(names.subList(14, 21));
	}

	@Test
	void pagesReadInAnIndexsOrderAreThePagesOfTheSortedList() {
		DemoUsers.signIn(staff, "liming");
		VisibleRecords visible = currentUser.visibleRecords();
		// one as the app has it (walks an index when the filters are all in it, or when the count is large) and
		// one that walks whenever an index has the sort's order, however few rows the count finds
		List<AccountListing> listings = List.of(new AccountListing(jdbc, organisation, index),
				new AccountListing(jdbc, organisation, index, 0));
		AccountQuery all = query(View.ALL, null, null, null, null, null, null, null);
		Account sample = tx.execute(status -> accounts.findAll(customers.specification(all)).get(0));
		List<AccountQuery> queries = List.of(all, query(View.ALL, sample.getStatus(), null, null, null, null, null, null),
				query(View.ALL, sample.getStatus(), null, sample.getProvinceCode(), null, null, null, null),
				query(View.UNIT, null, null, null, null, null, null, null),
				query(View.MINE, null, null, null, null, null, null, null));
		Map<String, Function<Account, Instant>> sorts = Map.of("updatedAt", Account::getUpdatedAt, "createdAt",
				Account::getCreatedAt);
		int paged = 0;
		for (AccountQuery query : queries) {
			for (Map.Entry<String, Function<Account, Instant>> sort : sorts.entrySet()) {
				for (Sort.Direction direction : Sort.Direction.values()) {
					Comparator<Account> order = Comparator.comparing(sort.getValue()).thenComparing(Account::getId);
					List<Long> sorted = tx.execute(status -> accounts.findAll(customers.specification(query))
						.stream()
						.sorted(direction.isDescending() ? order.reversed() : order)
						.map(Account::getId)
						.toList());
					for (AccountListing listing : listings) {
						for (int page = 0; page * 7 <= sorted.size(); page++) {
							BoundedPage<AccountListing.ListedAccount> read = listing.page(query, visible,
									PageRequest.of(page, 7, Sort.by(direction, sort.getKey())));
							assertThat(read.getContent()).extracting(AccountListing.ListedAccount::id)
								.as("%s by %s %s, page %d", query, sort.getKey(), direction, page)
								.containsExactlyElementsOf(sorted.subList(page * 7, Math.min(sorted.size(), page * 7 + 7)));
							assertThat(read.getTotalElements()).isEqualTo(sorted.size());
						}
						paged += sorted.size() > 7 ? 1 : 0;
					}
				}
			}
		}
		assertThat(paged).as("lists of several pages").isGreaterThan(queries.size() * 4);
	}

	@Test
	void namesSortByPinyinInTheListInAnIndexsOrderAndInAKeywordSearch() {
		String tag = "拼音排序" + System.nanoTime() % 100_000;
		for (String city : List.of("上海", "北京", "青岛", "长沙")) {
			createAs("huangting", city + "拼音排序测试有限公司", Set.of(tag));
		}
		DemoUsers.signIn(staff, "huangting");
		VisibleRecords visible = currentUser.visibleRecords();
		AccountQuery tagged = query(View.MINE, null, null, null, null, null, tag, null);
		// beijing, changsha, qingdao, shanghai; by character code 上 (U+4E0A) came first and 长 (U+957F) last
		List<String> byPinyin = List.of("北京拼音排序测试有限公司", "长沙拼音排序测试有限公司", "青岛拼音排序测试有限公司",
				"上海拼音排序测试有限公司");
		for (AccountListing listing : List.of(new AccountListing(jdbc, organisation, index),
				new AccountListing(jdbc, organisation, index, 0))) {
			assertThat(listing.page(tagged, visible, PageRequest.of(0, 10, Sort.by("name"))).getContent())
				.extracting(AccountListing.ListedAccount::name)
				.containsExactlyElementsOf(byPinyin);
			assertThat(listing.page(tagged, visible, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "name")))
				.getContent()).extracting(AccountListing.ListedAccount::name)
				.containsExactly("上海拼音排序测试有限公司", "青岛拼音排序测试有限公司", "长沙拼音排序测试有限公司",
						"北京拼音排序测试有限公司");
		}
		AccountQuery keyword = new AccountQuery("拼音排序测试", null, null, null, null, null, tag, null, View.MINE);
		assertThat(customers.accounts(keyword, PageRequest.of(0, 10, Sort.by("name"))).getContent())
			.extracting(AccountRow::name)
			.containsExactlyElementsOf(byPinyin);
	}

	@Test
	void anEmptyDateSortsLastEitherWay() {
		DemoUsers.signIn(staff, "wangjianguo");
		for (Sort.Direction direction : Sort.Direction.values()) {
			List<AccountRow> rows = customers.accounts(query(View.ALL, null, null, null, null, null, null, null),
					PageRequest.of(0, 1000, Sort.by(direction, "nextFollowUpOn"))).getContent();
			assertThat(rows).extracting(AccountRow::nextFollowUpOn).as("some dated, some not").contains((java.time.LocalDate) null)
				.anyMatch(java.util.Objects::nonNull);
			int firstEmpty = rows.stream().map(AccountRow::nextFollowUpOn).toList().indexOf(null);
			assertThat(rows.subList(firstEmpty, rows.size())).extracting(AccountRow::nextFollowUpOn)
				.as(direction.name()).containsOnlyNulls();
		}
	}

	@Test
	void aListedRowShowsWhatTheAccountsDetailShows() {
		long id = createAs("huangting", "温州列表行对照测试有限公司", Set.of("华东", "复购"));
		DemoUsers.signIn(staff, "huangting");
		// the list reads its columns with SQL, the detail reads the account entity: they must agree
		AccountView detail = customers.account(id);
		for (AccountQuery query : List.of(query(View.MINE, null, null, null, null, null, "复购", null),
				new AccountQuery("温州列表行对照", null, null, null, null, null, null, null, View.ALL))) {
			AccountRow row = customers.accounts(query, PageRequest.of(0, 100))
				.stream()
				.filter(r -> r.id() == id)
				.findFirst()
				.orElseThrow();
			assertThat(row).isEqualTo(new AccountRow(id, detail.facts().name(), detail.facts().shortName(),
					detail.facts().status(), detail.facts().industry(), detail.cityName(), detail.ownerUserId(),
					detail.ownerName(), detail.ownerUnitId(), detail.ownerUnitName(), detail.keyAccount(),
					detail.facts().tags(), detail.lastFollowUpAt(), detail.nextFollowUpOn(), detail.daysUntilPool(),
					detail.createdAt(), detail.version()));
		}
		assertThat(detail.cityName()).isEqualTo("杭州市");
		assertThat(detail.ownerName()).isEqualTo("黄婷");
		assertThat(detail.daysUntilPool()).isNotNull();
	}

	@Test
	void anotherTenantsAccountStaysHiddenEvenWithTheSameOwnerIdsNameAndPhone() {
		long otherTenant = installation.install(new InstallCommand("列表测试另一家公司", "list-admin-" + System.nanoTime(),
				"管理员", "Other2026pass", "管理员", false));
		DemoUsers.signIn(staff, "huangting");
		AccountQuery mine = query(View.MINE, null, null, null, null, null, null, null);
		AccountRow anyOfMine = customers.accounts(mine, PageRequest.of(0, 1)).getContent().get(0);
		DemoUsers.signOut();
		// the same owner and unit ids as one of 黄婷's accounts, in another tenant: only the tenant column differs
		long foreign = TenantContext.callAs(otherTenant, () -> tx.execute(status -> accounts
			.save(new Account(AccountMother.account("杭州别家租户测试有限公司").withPhone("0571-87654321").facts(),
					anyOfMine.ownerUserId(), anyOfMine.ownerUnitId()))
			.getId()));

		DemoUsers.signIn(staff, "huangting");
		for (AccountQuery query : List.of(mine, query(View.ALL, null, null, null, null, null, null, null))) {
			assertThat(customers.accounts(query, PageRequest.of(0, 1000)).stream().map(AccountRow::id))
				.doesNotContain(foreign)
				.contains(anyOfMine.id());
		}
		assertThatThrownBy(() -> customers.account(foreign)).isInstanceOf(NotFoundException.class);
		assertThat(duplicates.candidates(AccountMother.account("杭州别家租户测试有限公司").withPhone("0571-87654321")
			.facts(), List.of(), null)).as("nor is it a duplicate of anything here").isEmpty();
		// in its own tenant it is: the same name, and a name one character apart
		for (String name : List.of("杭州别家租户测试有限公司", "杭州别家租户测验有限公司")) {
			assertThat(TenantContext.callAs(otherTenant,
					() -> duplicates.candidates(AccountMother.account(name).facts(), List.of(), null)))
				.extracting(DuplicateFinder.Candidate::id)
				.as(name)
				.containsExactly(foreign);
		}
	}

	private long createAs(String username, String name, Set<String> tags) {
		DemoUsers.signIn(staff, username);
		try {
			AccountFacts facts = AccountMother.account(name).facts();
			return customers.create(new AccountFacts(facts.name(), facts.shortName(), facts.creditCode(),
					facts.externalId(), facts.industry(), facts.provinceCode(), facts.cityCode(), facts.employees(),
					facts.annualRevenue(), facts.ownershipType(), facts.website(), facts.address(), facts.phone(),
					facts.source(), facts.status(), facts.purchasingMode(), facts.purchasePattern(), tags), null, null,
					true);
		}
		finally {
			DemoUsers.signOut();
		}
	}

	private static AccountQuery query(View view, AccountStatus status, Industry industry, String provinceCode,
			Long ownerUserId, Long ownerUnitId, String tag, Boolean keyAccount) {
		return new AccountQuery(null, status, industry, provinceCode, ownerUserId, ownerUnitId, tag, keyAccount, view);
	}

}
