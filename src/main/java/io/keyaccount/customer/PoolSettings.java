package io.keyaccount.customer;

/**
 * The shared pool's rule (公海规则): accounts without a follow-up for {@code afterDays} go to the pool, their owner
 * warned {@code warningDays} ahead; a salesperson may claim {@code dailyClaimLimit} accounts a day.
 */
public record PoolSettings(boolean enabled, int afterDays, int warningDays, int dailyClaimLimit, long version) {

	public static PoolSettings defaults() {
		return new PoolSettings(true, 30, 7, 10, 0);
	}

}
