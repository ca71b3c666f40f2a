package io.keyaccount.value.lifetime;

import java.time.LocalDate;
import java.util.Objects;

/** One purchase line: several lines of one customer on one day form a single transaction. */
public record Purchase(String customerId, LocalDate date, double amount) {

	public Purchase {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(date, "date");
		if (!Double.isFinite(amount)) {
			throw new IllegalArgumentException("amount must be finite, was " + amount);
		}
	}

}
