package io.keyaccount.value.lifetime;

/**
 * How far ahead and at what discount rate a customer's future value is counted.
 *
 * <p>
 * Future value = sum over months m = 1..months of (expected transactions in month m) x (expected spend
 * per transaction) x (margin rate) / (1 + annual rate)^(m / 12). Transactions in month m are the
 * difference of the BG/NBD conditional expectations at the month's end and start; each month's margin
 * is discounted from its end. A month is 365.25 / 12 days, so 36 months are 156.5 weeks.
 *
 * @param months length of the horizon in months
 * @param annualDiscountRate e.g. 0.10 for 10 % a year, compounded monthly as (1.10)^(1/12)
 */
public record FutureValueHorizon(int months, double annualDiscountRate) {

	/** Three years at 10 % a year. */
	public static final FutureValueHorizon STANDARD = new FutureValueHorizon(36, 0.10);

	public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

	public FutureValueHorizon {
		if (months <= 0) {
			throw new IllegalArgumentException("months must be positive, was " + months);
		}
		if (!(annualDiscountRate > -1 && Double.isFinite(annualDiscountRate))) {
			throw new IllegalArgumentException("annualDiscountRate must be above -1, was " + annualDiscountRate);
		}
	}

	/** Expected transactions in each month of the horizon; element 0 is the first month. */
	public double[] expectedTransactionsByMonth(BgNbdModel model, CustomerSummary customer) {
		var byMonth = new double[months];
		double previous = 0;
		for (int m = 1; m <= months; m++) {
			double cumulative = model.conditionalExpectedTransactions(m * WEEKS_PER_MONTH, customer);
			byMonth[m - 1] = cumulative - previous;
			previous = cumulative;
		}
		return byMonth;
	}

	/** The discounted expected margin of one customer over the horizon, in the currency of the amounts. */
	public double discountedMargin(BgNbdModel transactions, GammaGammaModel spend, CustomerSummary customer,
			double marginRate) {
		double marginPerTransaction = spend.conditionalExpectedSpend(customer) * marginRate;
		double monthlyDiscount = Math.pow(1 + annualDiscountRate, -1.0 / 12);
		double[] byMonth = expectedTransactionsByMonth(transactions, customer);
		double value = 0;
		double discount = 1;
		for (double expected : byMonth) {
			discount *= monthlyDiscount;
			value += expected * marginPerTransaction * discount;
		}
		return value;
	}

}
