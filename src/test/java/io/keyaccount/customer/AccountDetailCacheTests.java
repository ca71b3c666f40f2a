package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.keyaccount.customer.AccountDetails.StoredAccount;
import io.keyaccount.customer.AccountView.AccountRef;
import io.keyaccount.customer.FollowUpLog.FollowUpCommand;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.recyclebin.RecycleBin;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * The account detail is kept in memory once shown ({@link AccountDetailCache}); whatever changes an account shows on
 * its next detail, and on the details of the companies above and below it, and who may see it is still decided on
 * every call.
 */
@KeyaccountTest
class AccountDetailCacheTests {

	@Autowired
	CustomerManagement customers;

	@Autowired
	FollowUpLog followUps;

	@Autowired
	RecycleBin recycleBin;

	@Autowired
	AccountDetailCache cache;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void signIn() {
		DemoUsers.signIn(staff, "liming");
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void aKeptAccountIsReadOnceAndAgainOnlyAfterItChanged() {
		AccountDetailCache kept = new AccountDetailCache(new AccountDetailCache.Settings(100, Duration.ofMinutes(10)));
		kept.hearing(true);
		AtomicInteger reads = new AtomicInteger();
		StoredAccount stored = storedAccount(7, null);
		java.util.function.LongFunction<Optional<StoredAccount>> read = id -> {
			reads.incrementAndGet();
			return Optional.of(stored);
		};

		assertThat(kept.get(1, 7, read)).contains(stored);
		assertThat(kept.get(1, 7, read)).contains(stored);
		assertThat(reads).as("read once, then kept").hasValue(1);
		assertThat(kept.get(2, 7, read)).contains(stored);
		assertThat(reads).as("another tenant's account 7 is another account").hasValue(2);

		kept.changed(1, 9, null, 7L);
		kept.get(1, 7, read);
		assertThat(reads).as("a subsidiary moved under it").hasValue(3);

		kept.changed("1,7,,");
		kept.get(1, 7, read);
		assertThat(reads).as("a change another node committed").hasValue(4);

		kept.hearing(false);
		kept.get(1, 7, read);
		kept.get(1, 7, read);
		assertThat(reads).as("nothing is kept while changes may go unheard").hasValue(6);
	}

	@Test
	void anAbsentAccountIsNotKept() {
		AccountDetailCache kept = new AccountDetailCache(new AccountDetailCache.Settings(100, Duration.ofMinutes(10)));
		kept.hearing(true);
		AtomicInteger reads = new AtomicInteger();
		java.util.function.LongFunction<Optional<StoredAccount>> read = id -> {
			reads.incrementAndGet();
			return Optional.empty();
		};

		assertThat(kept.get(1, 7, read)).isEmpty();
		assertThat(kept.get(1, 7, read)).isEmpty();
		assertThat(reads).hasValue(2);
	}

	@Test
	void everyChangeToAGroupShowsOnTheNextDetailOfEachOfItsCompanies() {
		long parent = customers.create(AccountMother.account("杭州缓存集团有限公司").facts(), null, null, true);
		long other = customers.create(AccountMother.account("宁波缓存控股有限公司").facts(), null, null, true);
		long child = customers.create(AccountMother.account("杭州缓存子公司有限公司").facts(), null, parent, true);
		showAll(parent, other, child);

		AccountView shown = customers.account(parent);
		customers.update(parent, AccountMother.account("杭州缓存集团股份有限公司").facts(), null, shown.version());
		assertThat(customers.account(parent).facts().name()).isEqualTo("杭州缓存集团股份有限公司");
		assertThat(customers.account(child).parentName()).as("the parent renamed").isEqualTo("杭州缓存集团股份有限公司");

		customers.update(child, AccountMother.account("杭州缓存分公司有限公司").facts(), parent,
				customers.account(child).version());
		assertThat(customers.account(parent).subsidiaries()).as("a subsidiary renamed")
			.containsExactly(new AccountRef(child, "杭州缓存分公司有限公司"));

		showAll(parent, other, child);
		customers.update(child, AccountMother.account("杭州缓存分公司有限公司").facts(), other,
				customers.account(child).version());
		assertThat(customers.account(parent).subsidiaries()).as("moved away from its parent").isEmpty();
		assertThat(customers.account(other).subsidiaries()).as("moved under another")
			.containsExactly(new AccountRef(child, "杭州缓存分公司有限公司"));
		assertThat(customers.account(child).parentName()).isEqualTo("宁波缓存控股有限公司");

		showAll(parent, other, child);
		long newChild = customers.create(AccountMother.account("宁波缓存新设有限公司").facts(), null, other, true);
		assertThat(customers.account(other).subsidiaries()).as("a new subsidiary")
			.extracting(AccountRef::id)
			.containsExactly(child, newChild);

		showAll(parent, other, child);
		customers.delete(child);
		assertThatThrownBy(() -> customers.account(child)).isInstanceOf(NotFoundException.class);
		assertThat(customers.account(other).subsidiaries()).as("a subsidiary deleted")
			.extracting(AccountRef::id)
			.containsExactly(newChild);

		showAll(parent, other, newChild);
		recycleBin.restore("account", child);
		assertThat(customers.account(other).subsidiaries()).as("a subsidiary restored from the recycle bin")
			.extracting(AccountRef::id)
			.containsExactly(child, newChild);
	}

	@Test
	void aFollowUpATransferAndTheKeyAccountMarkShowOnTheNextDetail() {
		long id = customers.create(AccountMother.account("苏州缓存跟进测试有限公司").facts(), null, null, true);
		assertThat(customers.account(id).lastFollowUpAt()).isNull();

		followUps.log(id, new FollowUpCommand(FollowUpKind.CALL, null, null, null, "电话回访", null, null));
		assertThat(customers.account(id).lastFollowUpAt()).isNotNull();

		customers.designateKeyAccount(id, true);
		assertThat(customers.account(id).keyAccount()).isTrue();

		long huangting = userId("huangting");
		customers.transfer(List.of(id), huangting, "调整分工");
		assertThat(customers.account(id).ownerName()).isEqualTo("黄婷");
	}

	@Test
	void whoMaySeeAKeptAccountIsDecidedOnEveryCall() {
		DemoUsers.signIn(staff, "huangting");
		long id = customers.create(AccountMother.account("杭州缓存可见性测试有限公司").facts(), null, null, true);
		assertThat(customers.account(id).facts().name()).isEqualTo("杭州缓存可见性测试有限公司");

		DemoUsers.signIn(staff, "liuyang");
		assertThatThrownBy(() -> customers.account(id)).as("own records only, and not on the team")
			.isInstanceOf(NotFoundException.class);

		DemoUsers.signIn(staff, "huangting");
		customers.addTeamMember(id, userId("liuyang"), TeamRole.SERVICE);
		DemoUsers.signIn(staff, "liuyang");
		assertThat(customers.account(id).id()).as("on the account's team").isEqualTo(id);
	}

	/** Whether the database tells every node of every change, SQL included (PostgreSQL: V26's trigger). */
	boolean everyChangeIsAnnounced() {
		return false;
	}

	@Test
	void aChangeMadeInSqlBehindTheAppsBackShowsOnlyWhenTheDatabaseAnnouncesIt() throws InterruptedException {
		long tenant = TenantContext.currentTenant();
		long id = customers.create(AccountMother.account("上海缓存直写测试有限公司").facts(), null, null, true);
		awaitKept(tenant, id);
		Instant until = Instant.now().plusSeconds(10);

		// as another node, or a tool beside the app, would write it
		jdbc.update("update account set phone = '021-55550000', version = version + 1 where id = ?", id);

		if (everyChangeIsAnnounced()) {
			String phone = null;
			while (phone == null && Instant.now().isBefore(until)) {
				Thread.sleep(20);
				phone = customers.account(id).facts().phone();
			}
			assertThat(phone).as("heard from the database").isEqualTo("021-55550000");
		}
		else {
			assertThat(customers.account(id).facts().phone()).as("unannounced, so unseen").isNull();
			cache.forgetTenant(tenant);
			assertThat(customers.account(id).facts().phone()).isEqualTo("021-55550000");
		}
	}

	/** Shows the account until this node keeps it: on PostgreSQL, only once the node listens for changes. */
	void awaitKept(long tenant, long id) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(15);
		while (!cache.keeps(tenant, id) && Instant.now().isBefore(until)) {
			customers.account(id);
			Thread.sleep(50);
		}
		assertThat(cache.keeps(tenant, id)).as("the detail is kept").isTrue();
	}

	private void showAll(long... ids) {
		for (long id : ids) {
			customers.account(id);
		}
	}

	private long userId(String username) {
		return ((KeyaccountUser) staff.loadUserByUsername(username)).userId();
	}

	private static StoredAccount storedAccount(long id, Long parentId) {
		return new StoredAccount(id, AccountMother.account("缓存单元测试有限公司").facts(), 1, 1, parentId, List.of(), false,
				false, null, null, java.time.Instant.now(), "test", 0);
	}

}
