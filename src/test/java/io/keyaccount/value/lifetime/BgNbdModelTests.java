package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgNbdModelTests {

	private static final double R = 0.5;

	private static final double ALPHA = 6;

	private static final double A = 1.2;

	private static final double B = 3.5;

	private final BgNbdModel model = new BgNbdModel(R, ALPHA, A, B);

	/** L(x = 0, T = 30) = (alpha / (alpha + T))^r: nobody can drop out before a repeat purchase. */
	private static final double ONE_TIMER = Math.pow(ALPHA / (ALPHA + 30), R);

	/** L(x = 1, t_x = 5, T = 20) = b/(a+b) r alpha^r/(alpha+T)^(r+1) + a/(a+b) r alpha^r/(alpha+t_x)^(r+1). */
	private static final double ONE_REPEAT = B / (A + B) * R * Math.pow(ALPHA, R) / Math.pow(ALPHA + 20, R + 1)
			+ A / (A + B) * R * Math.pow(ALPHA, R) / Math.pow(ALPHA + 5, R + 1);

	/** x = 3, t_x = 12, T = 40, with the gamma and beta ratios written out as products. */
	private static final double THREE_REPEATS = hand3();

	private static double hand3() {
		double rising = R * (R + 1) * (R + 2) * Math.pow(ALPHA, R);
		double denominator = (A + B) * (A + B + 1) * (A + B + 2);
		double alive = B * (B + 1) * (B + 2) / denominator * rising / Math.pow(ALPHA + 40, R + 3);
		double dropped = A * B * (B + 1) / denominator * rising / Math.pow(ALPHA + 12, R + 3);
		return alive + dropped;
	}

	@Test
	void logLikelihoodOfSingleCustomersMatchesTheClosedForm() {
		assertThat(model.logLikelihood(0, 0, 30)).isCloseTo(Math.log(ONE_TIMER), within(1e-12));
		assertThat(model.logLikelihood(1, 5, 20)).isCloseTo(Math.log(ONE_REPEAT), within(1e-12));
		assertThat(model.logLikelihood(3, 12, 40)).isCloseTo(Math.log(THREE_REPEATS), within(1e-12));
	}

	@Test
	void totalLogLikelihoodCountsEveryCustomerIncludingDuplicates() {
		var customers = CustomerSummaries.of(List.of(CustomerSummary.of(0, 0, 30, 0), CustomerSummary.of(1, 5, 20, 9),
				CustomerSummary.of(3, 12, 40, 9), CustomerSummary.of(1, 5, 20, 9)));

		assertThat(model.logLikelihood(customers))
			.isCloseTo(Math.log(ONE_TIMER) + Math.log(THREE_REPEATS) + 2 * Math.log(ONE_REPEAT), within(1e-11));
	}

	@Test
	void gradientOfTheLikelihoodMatchesFiniteDifferences() {
		var customers = CustomerSummaries.of(List.of(CustomerSummary.of(0, 0, 30, 0), CustomerSummary.of(1, 5, 20, 9),
				CustomerSummary.of(7, 31, 40, 9), CustomerSummary.of(2, 2.5, 3, 9)));
		var likelihood = new BgNbdLikelihood(customers);
		double[] theta = { Math.log(R), Math.log(ALPHA), Math.log(A), Math.log(B) };
		double[] gradient = new double[4];
		likelihood.logLikelihood(R, ALPHA, A, B, gradient);

		for (int i = 0; i < 4; i++) {
			double h = 1e-6;
			double[] up = theta.clone();
			double[] down = theta.clone();
			up[i] += h;
			down[i] -= h;
			double numeric = (at(likelihood, up) - at(likelihood, down)) / (2 * h);
			assertThat(gradient[i]).as("d/dtheta%d", i).isCloseTo(numeric, within(1e-6));
		}
	}

	private static double at(BgNbdLikelihood likelihood, double[] theta) {
		return likelihood.logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3]),
				null);
	}

	@Test
	void probabilityAliveFollowsBayesRule() {
		// P(alive) = alive term / (alive + dropped term) of the likelihood above
		double alive = B / (A + B) / Math.pow(ALPHA + 20, R + 1);
		double dropped = A / (A + B) / Math.pow(ALPHA + 5, R + 1);

		assertThat(model.probabilityAlive(1, 5, 20)).isCloseTo(alive / (alive + dropped), within(1e-14));
		assertThat(model.probabilityAlive(0, 0, 52)).isEqualTo(1.0);
	}

	@ParameterizedTest
	@CsvSource({ "1, 6", "40, 6", "200, 6", "10, 0.5", "78, 40" })
	void purchaseCountDistributionSumsToOneWithMeanEqualToTheExpectation(double t, double alpha) {
		var m = new BgNbdModel(0.8, alpha, 0.7, 2.5);
		double total = 0;
		double mean = 0;
		for (int n = 0; n < 3000; n++) {
			double p = m.probabilityOfTransactions(n, t);
			total += p;
			mean += n * p;
		}

		assertThat(total).isCloseTo(1.0, within(1e-9));
		assertThat(mean).isCloseTo(m.expectedTransactions(t), within(1e-7 * mean));
	}

	@ParameterizedTest
	@CsvSource({ "0.2426, 4.4135, 0.7929, 2.4258, 2, 30.43, 38.86, 39", // CDNOW, series branch
			"0.2426, 4.4135, 0.7929, 2.4258, 0, 0, 1, 156.5", // new customer over 36 months: z near 1
			"0.5, 8, 2.6, 2.5, 25, 50, 52, 104", // a > 1, many transactions
			"1.7, 2, 0.3, 1.5, 60, 9, 10, 156", // large x, z = 0.93
			"0.5, 8, 1.00001, 2.5, 3, 20, 30, 52" }) // a next to the removable pole at 1
	void conditionalExpectationEqualsItsDefiningIntegral(double r, double alpha, double a, double b, int x,
			double tx, double age, double t) {
		var m = new BgNbdModel(r, alpha, a, b);

		double expected = m.probabilityAlive(x, tx, age) * posteriorMeanByQuadrature(r, alpha, a, b, x, age, t);

		assertThat(m.conditionalExpectedTransactions(t, x, tx, age)).isCloseTo(expected, within(1e-7 * expected));
	}

	/**
	 * E[(1 - (1 + p t / (alpha + T))^-(r+x)) / p] for p ~ Beta(a, b + x): the expected purchases of a live
	 * customer, by Simpson's rule after substituting p = u^k with k a >= 4, which smooths p^(a-1) at 0.
	 */
	private static double posteriorMeanByQuadrature(double r, double alpha, double a, double b, int x, double age,
			double t) {
		double s = t / (alpha + age);
		double power = Math.ceil(4 / a);
		int intervals = 200_000;
		double h = 1.0 / intervals;
		double sum = 0; // both ends contribute 0
		for (int i = 1; i < intervals; i++) {
			double u = i * h;
			double p = Math.pow(u, power);
			double perP = -Math.expm1(-(r + x) * Math.log1p(p * s)) / p;
			double f = power * Math.pow(u, power * a - 1) * Math.pow(1 - p, b + x - 1) * perP;
			sum += (i % 2 == 1 ? 4 : 2) * f;
		}
		return sum * h / 3 / Math.exp(Beta.logBeta(a, b + x));
	}

	@Test
	void expectationOfANewCustomerIsTheConditionalOneWithNoHistory() {
		assertThat(model.expectedTransactions(52)).isEqualTo(model.conditionalExpectedTransactions(52, 0, 0, 0));
		assertThat(model.expectedTransactions(0)).isZero();
	}

	@Test
	void refusesToFitCustomersWhoNeverCameBack() {
		var customers = CustomerSummaries.of(List.of(CustomerSummary.of(0, 0, 30, 0), CustomerSummary.of(0, 0, 12, 0)));

		assertThatThrownBy(() -> BgNbdModel.fit(customers)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("repeat transaction");
		assertThat(model.logLikelihood(customers)).as("their likelihood is still defined")
			.isCloseTo(Math.log(ONE_TIMER) + R * Math.log(ALPHA / (ALPHA + 12)), within(1e-12));
	}

}
