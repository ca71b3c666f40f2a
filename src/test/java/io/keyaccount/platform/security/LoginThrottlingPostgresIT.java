package io.keyaccount.platform.security;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class LoginThrottlingPostgresIT extends LoginThrottlingContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
