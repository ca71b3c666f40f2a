package io.keyaccount.customer;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class CustomerSearchPostgresIT extends CustomerSearchContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
