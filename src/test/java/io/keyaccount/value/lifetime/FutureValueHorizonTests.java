package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FutureValueHorizonTests {

	private final BgNbdModel transactions = new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);

	private final GammaGammaModel spend = new GammaGammaModel(6.2488, 3.7446, 15.4477);

	private final CustomerSummary customer = new CustomerSummary("1", 2, 30.43, 38.86, 22.35);

	@Test
	void monthlyTransactionsAddUpToTheConditionalExpectationOverTheHorizon() {
		double[] byMonth = FutureValueHorizon.STANDARD.expectedTransactionsByMonth(transactions, customer);

		assertThat(byMonth).hasSize(36);
		assertThat(sum(byMonth)).isCloseTo(
				transactions.conditionalExpectedTransactions(36 * FutureValueHorizon.WEEKS_PER_MONTH, customer),
				within(1e-12));
		assertThat(byMonth[35]).as("fewer purchases as the customer may drop out").isLessThan(byMonth[0]);
	}

	@Test
	void withoutDiscountingTheValueIsExpectedTransactionsTimesSpendTimesMargin() {
		var undiscounted = new FutureValueHorizon(36, 0);
		double expected = sum(undiscounted.expectedTransactionsByMonth(transactions, customer))
				* spend.conditionalExpectedSpend(customer) * 0.3;

		assertThat(undiscounted.discountedMargin(transactions, spend, customer, 0.3)).isCloseTo(expected,
				within(1e-9));
	}

	@Test
	void discountsEachMonthFromItsEndAtTheMonthlyEquivalentOfTheAnnualRate() {
		var oneMonth = new FutureValueHorizon(1, 0.10);
		double margin = transactions.conditionalExpectedTransactions(FutureValueHorizon.WEEKS_PER_MONTH, customer)
				* spend.conditionalExpectedSpend(customer) * 0.25;

		assertThat(oneMonth.discountedMargin(transactions, spend, customer, 0.25))
			.isCloseTo(margin / Math.pow(1.10, 1 / 12.0), within(1e-12));
	}

	@Test
	void discountingLowersTheValueAndALongerHorizonRaisesIt() {
		double standard = FutureValueHorizon.STANDARD.discountedMargin(transactions, spend, customer, 0.3);

		double undiscounted = new FutureValueHorizon(36, 0).discountedMargin(transactions, spend, customer, 0.3);
		double oneYear = new FutureValueHorizon(12, 0.10).discountedMargin(transactions, spend, customer, 0.3);

		assertThat(standard).isLessThan(undiscounted).isGreaterThan(oneYear);
	}

	private static double sum(double[] values) {
		double total = 0;
		for (double v : values) {
			total += v;
		}
		return total;
	}

}
