package io.keyaccount.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.AccountQuery;
import io.keyaccount.customer.AccountRow;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.platform.persistence.BoundedPage;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

/**
 * While a large tenant's index is rebuilt in the background it holds only part of the tenant's accounts: the list
 * counts its total by SQL meanwhile, and by the index again once the rebuild is done. PostgreSQL only, because it
 * can hold the rebuild half-way: a lock on the contact table stops the mass indexer (every account document reads
 * its contacts) and not the list (which reads accounts alone).
 */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class IndexRebuildPostgresIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	IndexRebuild rebuild;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService staff;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void theListCountsByTheDatabaseWhileTheIndexIsRebuiltAndByTheIndexAfterwards() throws Exception {
		DemoUsers.signIn(staff, "admin");
		long tenant = TenantContext.currentTenant();
		long removed = customers.create(AccountMother.account("杭州重建期间科技有限公司").facts(), null, null, true);
		long live = total();
		// removed behind the index's back, as a restored backup or a failed write would leave it: the index still
		// counts the account, the database no longer does
		jdbc.update("update account set deleted_at = current_timestamp where id = ?", removed);
		assertThat(total()).as("the list's total while the index is stale").isEqualTo(live);

		CompletionStage<?> rebuilt;
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.execute("lock table contact in access exclusive mode");
			}
			rebuilt = rebuild.rebuildInBackground(tenant);
			assertThat(rebuild.isRebuilding(tenant)).isTrue();
			Page<AccountRow> during = customers.accounts(AccountQuery.all(), PageRequest.of(0, 1));
			assertThat(during.getTotalElements()).as("the list's total during the rebuild").isEqualTo(live - 1);
			assertThat(((BoundedPage<AccountRow>) during).isTotalExact()).isTrue();
			holder.rollback();
		}
		rebuilt.toCompletableFuture().get(2, TimeUnit.MINUTES);

		assertThat(rebuild.isRebuilding(tenant)).isFalse();
		assertThat(total()).as("the list's total from the rebuilt index").isEqualTo(live - 1);
	}

	private long total() {
		return customers.accounts(AccountQuery.all(), PageRequest.of(0, 1)).getTotalElements();
	}

}
