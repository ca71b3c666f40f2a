package io.keyaccount.customer.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountBatches;
import io.keyaccount.customer.AccountBatches.NewAccount;
import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.customer.CustomerSearch;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.PinyinNames;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** An all-or-nothing import cut off by the death of its process keeps none of its rows (ADR 0015). */
@KeyaccountTest
class ImportRunRecordsTests {

	@Autowired
	ImportRunRecords records;

	@Autowired
	AccountBatches batches;

	@Autowired
	CustomerSearch search;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private long owner;

	@BeforeEach
	void signIn() {
		DemoUsers.signIn(staff, "admin");
		owner = jdbc.queryForObject("select id from app_user where username = 'liuyang'", Long.class);
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void theRowsOfAnImportCutOffByAProcessThatDiedAreGoneAfterTheNextStartFromSearchToo() {
		long run = records.begin(TenantContext.currentTenant(), "客户导入.xlsx");
		jdbc.update("update account_import_run set node_id = 'a-process-killed-a-moment-ago' where id = ?", run);
		List<Long> written = writeBatch(run, "台州", "绍兴");
		awaitFound(name("台州"));

		records.runAtStartup();

		assertThat(jdbc.queryForObject("select count(*) from account where id in (?, ?)", Long.class, written.get(0),
				written.get(1))).isZero();
		assertThat(jdbc.queryForObject("select count(*) from contact where name = ?", Long.class, "钱" + suffix)).isZero();
		assertThat(jdbc.queryForObject("select status from account_import_run where id = ?", String.class, run))
			.isEqualTo("TAKEN_BACK");
		// the lists count and page from the index (ADR 0011): its documents must go too, not only the rows
		await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> documents(written) == 0);
		assertThat(search.accounts(PinyinNames.initials(name("台州")), 5)).isEmpty();
	}

	@Test
	void anImportStillWritingOnALiveProcessIsLeftAloneAndKeepsItsRowsOnceComplete() {
		long run = records.begin(TenantContext.currentTenant(), "customers.csv");
		List<Long> written = writeBatch(run, "湖州", "嘉兴");

		records.runAtStartup();
		assertThat(records.complete(run)).isTrue();

		assertThat(jdbc.queryForList("select name from account where id in (?, ?) order by id", String.class,
				written.get(0), written.get(1)))
			.containsExactly(name("湖州"), name("嘉兴"));
		assertThat(jdbc.queryForObject("select count(*) from account_import_row where run_id = ?", Long.class, run))
			.isZero();
	}

	private List<Long> writeBatch(long run, String... cities) {
		List<NewAccount> batch = java.util.Arrays.stream(cities)
			.map(city -> new NewAccount(AccountMother.account(name(city)).facts(), owner,
					city.equals(cities[0]) ? contact("钱" + suffix) : null))
			.toList();
		return new TransactionTemplate(transactions).execute(status -> records.mark(run, batches.create(batch)));
	}

	private void awaitFound(String name) {
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(20))
			.until(() -> !search.accounts(PinyinNames.initials(name), 5).isEmpty());
	}

	private long documents(List<Long> accounts) {
		EntityManager entityManager = entityManagerFactory.createEntityManager();
		try {
			return Search.session(entityManager)
				.search(Account.class)
				.where(f -> f.id().matchingAny(accounts))
				.fetchTotalHitCount();
		}
		finally {
			entityManager.close();
		}
	}

	private String name(String city) {
		return city + suffix + "丝绸有限公司";
	}

	private static ContactDetails contact(String name) {
		return new ContactDetails(name, "采购经理", null, null, null, null, null, BuyingRole.DECISION_MAKER, null, null,
				null, null, null, null, null, null);
	}

}
