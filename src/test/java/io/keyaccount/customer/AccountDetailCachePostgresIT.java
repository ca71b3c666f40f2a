package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

/**
 * The kept account details on PostgreSQL, where several nodes may share the database: a change committed by anyone,
 * in any way, reaches every node through the trigger's notification.
 */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class AccountDetailCachePostgresIT extends AccountDetailCacheTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Override
	boolean everyChangeIsAnnounced() {
		return true;
	}

	@Test
	void aNodeWhoseListeningConnectionIsCutKeepsNothingUntilItListensAgainAndThenHearsChanges()
			throws InterruptedException {
		long tenant = TenantContext.currentTenant();
		long id = customers.create(AccountMother.account("上海缓存断线测试有限公司").facts(), null, null, true);
		awaitKept(tenant, id);

		jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
				+ " and application_name = 'keyaccount-notifications'");

		awaitKept(tenant, id);
		jdbc.update("update account set phone = '021-55552222', version = version + 1 where id = ?", id);
		String phone = null;
		Instant until = Instant.now().plusSeconds(10);
		while (phone == null && Instant.now().isBefore(until)) {
			Thread.sleep(20);
			phone = customers.account(id).facts().phone();
		}
		assertThat(phone).as("heard after reconnecting").isEqualTo("021-55552222");
	}

}
