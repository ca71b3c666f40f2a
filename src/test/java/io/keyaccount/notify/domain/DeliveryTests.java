package io.keyaccount.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.keyaccount.notify.Channel;

/** A delivery's retry policy: waits that double, a cap, a last attempt, and a retry by hand. */
class DeliveryTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void eachFailureWaitsTwiceAsLongAsTheOneBefore() {
		Delivery delivery = new Delivery(1, Channel.EMAIL);
		delivery.failed("timeout", NOW, 6, Duration.ofMinutes(1), Duration.ofHours(6));
		assertThat(delivery.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		delivery.failed("timeout", NOW, 6, Duration.ofMinutes(1), Duration.ofHours(6));
		assertThat(delivery.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
		delivery.failed("timeout", NOW, 6, Duration.ofMinutes(1), Duration.ofHours(6));
		assertThat(delivery.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
		assertThat(delivery.getStatus()).isEqualTo(Delivery.Status.PENDING);
		assertThat(delivery.getLastError()).isEqualTo("timeout");
	}

	@Test
	void theWaitNeverExceedsTheLongest() {
		Delivery delivery = new Delivery(1, Channel.WECOM);
		for (int i = 0; i < 20; i++) {
			delivery.failed("down", NOW, 50, Duration.ofMinutes(1), Duration.ofHours(6));
		}
		assertThat(delivery.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
	}

	@Test
	void afterTheLastAttemptItFailsAndOnlyAnAdministratorSendsItAgain() {
		Delivery delivery = new Delivery(1, Channel.DINGTALK);
		assertThatThrownBy(delivery::retry).isInstanceOf(IllegalStateException.class);
		delivery.failed("sign not match", NOW, 2, Duration.ofMinutes(1), Duration.ofHours(6));
		delivery.failed("x".repeat(5000), NOW, 2, Duration.ofMinutes(1), Duration.ofHours(6));
		assertThat(delivery.getStatus()).isEqualTo(Delivery.Status.FAILED);
		assertThat(delivery.getLastError()).hasSize(Delivery.ERROR_LENGTH);

		delivery.retry();
		assertThat(delivery.getStatus()).isEqualTo(Delivery.Status.PENDING);
		assertThat(delivery.getAttempts()).isZero();
		assertThat(delivery.getNextAttemptAt()).isBeforeOrEqualTo(Instant.now());
	}

}
