package io.keyaccount.customer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

/**
 * The account list's SQL and create's duplicate check on PostgreSQL: the page read in an index's order, the
 * bounded count, the tenant and the scope conditions, the names looked up as pairs of tenant and name.
 */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class AccountListingPostgresIT extends AccountListingTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
