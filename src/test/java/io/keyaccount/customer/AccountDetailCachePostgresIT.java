package io.keyaccount.customer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

}
