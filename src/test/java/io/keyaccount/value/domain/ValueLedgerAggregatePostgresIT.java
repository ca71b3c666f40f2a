package io.keyaccount.value.domain;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

/** The ledger's condensation per account on PostgreSQL, where the rescore reads it differently from H2. */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class ValueLedgerAggregatePostgresIT extends LedgerAggregateContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
