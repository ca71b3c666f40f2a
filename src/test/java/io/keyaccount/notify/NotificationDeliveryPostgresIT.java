package io.keyaccount.notify;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;

/** The outbox on PostgreSQL, where several nodes share it: the same deliveries, retries and SKIP LOCKED. */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class NotificationDeliveryPostgresIT extends NotificationDeliveryTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
