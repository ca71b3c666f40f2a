package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
	void aChangeAnotherNodeCommitsShowsOnThisNodesNextDetail() throws InterruptedException {
		long tenant = TenantContext.currentTenant();
		long id = customers.create(AccountMother.account("上海缓存他节点测试有限公司").facts(), null, null, true);
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (!cache.keeps(tenant, id) && Instant.now().isBefore(until)) {
			// the node keeps nothing until it listens, which it does within moments of starting
			customers.account(id);
			Thread.sleep(50);
		}
		assertThat(cache.keeps(tenant, id)).as("the detail is kept").isTrue();

		// what another node writes reaches this one only through the database
		jdbc.update("update account set phone = '021-55551111', version = version + 1 where id = ?", id);

		String phone = null;
		while (Instant.now().isBefore(until.plusSeconds(5))) {
			phone = customers.account(id).facts().phone();
			if (phone != null) {
				break;
			}
			Thread.sleep(20);
		}
		assertThat(phone).isEqualTo("021-55551111");
	}

}
