package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountBatches.NewAccount;
import io.keyaccount.customer.domain.PinyinNames;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The import's write path: many accounts and their first contacts in one transaction, as complete as one by one. */
@KeyaccountTest
class AccountBatchesTests {

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

	private long liuyang;

	@BeforeEach
	void signIn() {
		DemoUsers.signIn(staff, "liuyang");
		liuyang = jdbc.queryForObject("select id from app_user where username = 'liuyang'", Long.class);
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void accountsAndContactsAreWrittenAuditedAndFoundBySearch() {
		String prefix = ImportSheet.uniquePrefix();
		String name = "舟山" + prefix + "海洋科技有限公司";
		String contact = "钱" + prefix;
		String mobile = ImportSheet.mobile();
		List<NewAccount> batch = List.of(
				new NewAccount(AccountMother.account(name).withCreditCode(ImportSheet.creditCode()).facts(), liuyang,
						contactNamed(contact, mobile)),
				new NewAccount(AccountMother.account("宁波" + prefix + "港务物流有限公司").facts(), liuyang, null));

		List<Long> ids = new TransactionTemplate(transactions).execute(status -> batches.create(batch));

		assertThat(ids).hasSize(2).doesNotHaveDuplicates();
		assertThat(jdbc.queryForList("select name from account where id in (?, ?) order by id", String.class,
				ids.get(0), ids.get(1)))
			.containsExactly(name, "宁波" + prefix + "港务物流有限公司");
		assertThat(jdbc.queryForObject("select name_initials from account where id = ?", String.class, ids.get(0)))
			.isEqualTo(PinyinNames.initials(name));
		assertThat(jdbc.queryForList("select name from contact where account_id = ?", String.class, ids.get(0)))
			.containsExactly(contact);
		assertThat(jdbc.queryForObject("select count(*) from contact where account_id = ?", Long.class, ids.get(1)))
			.isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'Account' and action = 'CREATE' and entity_id in (?, ?)"
						+ " and changed_by = 'liuyang'",
				Long.class, ids.get(0), ids.get(1)))
			.isEqualTo(2);

		// The index follows without the write waiting for it.
		assertThat(eventually(() -> search.accounts(PinyinNames.initials(name), 5)))
			.extracting(CustomerSearch.AccountHit::id)
			.containsExactly(ids.get(0));
		assertThat(eventually(() -> search.contacts(contact, 5))).extracting(ContactDirectory.ContactRow::accountId)
			.containsExactly(ids.get(0));
		// the account's document holds its new contact's name and mobile, the contact's its owner (liuyang sees own)
		assertThat(search.accounts(mobile, 5)).extracting(CustomerSearch.AccountHit::id).containsExactly(ids.get(0));
		assertThat(search.accounts(contact, 5)).extracting(CustomerSearch.AccountHit::id).containsExactly(ids.get(0));
		assertThat(search.contacts(mobile, 5)).extracting(ContactDirectory.ContactRow::accountId)
			.containsExactly(ids.get(0));
	}

	@Test
	void aCreditCodeTakenSinceTheCheckFailsTheWholeBatch() {
		String prefix = ImportSheet.uniquePrefix();
		String code = ImportSheet.creditCode();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.execute(status -> batches.create(List.of(
				new NewAccount(AccountMother.account("温州" + prefix + "先到电气有限公司").withCreditCode(code).facts(), liuyang,
						null))));

		assertThatThrownBy(() -> transaction.execute(status -> batches.create(List.of(
				new NewAccount(AccountMother.account("温州" + prefix + "后到电气有限公司").facts(), liuyang,
						contactNamed("孙" + prefix)),
				new NewAccount(AccountMother.account("温州" + prefix + "同码电气有限公司").withCreditCode(code).facts(),
						liuyang, null)))))
			.isInstanceOf(RuntimeException.class);

		assertThat(jdbc.queryForList("select name from account where name like ?", String.class, "温州" + prefix + "%"))
			.containsExactly("温州" + prefix + "先到电气有限公司");
		assertThat(jdbc.queryForObject("select count(*) from contact where name = ?", Long.class, "孙" + prefix)).isZero();
	}

	private static ContactDetails contactNamed(String name) {
		return contactNamed(name, ImportSheet.mobile());
	}

	private static ContactDetails contactNamed(String name, String mobile) {
		return new ContactDetails(name, "采购经理", null, mobile, null, null, null, BuyingRole.DECISION_MAKER,
				null, null, null, null, null, null, null, null);
	}

	private static <T> List<T> eventually(Supplier<List<T>> query) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		List<T> result = query.get();
		while (result.isEmpty() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			result = query.get();
		}
		return result;
	}

}
