package io.keyaccount.value.lifetime;

/**
 * What the lifetime models know about one customer at the end of calibration.
 *
 * @param customerId the customer's identifier (may be empty when only the numbers are known)
 * @param repeatTransactions x: transactions after the first one; purchases on one day count once
 * @param recencyWeeks t_x: weeks from the first to the last transaction (0 when x = 0)
 * @param ageWeeks T: weeks from the first transaction to the end of calibration
 * @param meanRepeatValue mean amount of the repeat transactions, the first one excluded (0 when x = 0)
 */
public record CustomerSummary(String customerId, int repeatTransactions, double recencyWeeks, double ageWeeks,
		double meanRepeatValue) {

	public CustomerSummary {
		if (repeatTransactions < 0) {
			throw new IllegalArgumentException("repeatTransactions must not be negative: " + repeatTransactions);
		}
		if (!(recencyWeeks >= 0 && recencyWeeks <= ageWeeks && Double.isFinite(ageWeeks))) {
			throw new IllegalArgumentException(
					"need 0 <= recencyWeeks <= ageWeeks, got " + recencyWeeks + " and " + ageWeeks);
		}
		if (!Double.isFinite(meanRepeatValue)) {
			throw new IllegalArgumentException("meanRepeatValue must be finite: " + meanRepeatValue);
		}
	}

	/** A summary without an identifier, as in published RFM tables. */
	public static CustomerSummary of(int repeatTransactions, double recencyWeeks, double ageWeeks,
			double meanRepeatValue) {
		return new CustomerSummary("", repeatTransactions, recencyWeeks, ageWeeks, meanRepeatValue);
	}

}
