package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class GammaGammaModelTests {

	private final GammaGammaModel model = new GammaGammaModel(2, 3, 10);

	/**
	 * f(zbar | x) = Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q).
	 * x = 1, zbar = 20: Gamma(5) / (Gamma(2) Gamma(3)) = 12, so f = 12 * 10^3 * 20 / 30^5.
	 */
	private static final double ONE_REPEAT = 12 * 1000 * 20 / Math.pow(30, 5);

	/** x = 2, zbar = 15: px = 4, Gamma(7) / (Gamma(4) Gamma(3)) = 60, so f = 60 * 10^3 * 15^3 * 2^4 / 40^7. */
	private static final double TWO_REPEATS = 60 * 1000 * Math.pow(15, 3) * 16 / Math.pow(40, 7);

	/** x = 3, zbar = 8: px = 6, Gamma(9) / (Gamma(6) Gamma(3)) = 168, so f = 168 * 10^3 * 8^5 * 3^6 / 34^9. */
	private static final double THREE_REPEATS = 168 * 1000 * Math.pow(8, 5) * Math.pow(3, 6) / Math.pow(34, 9);

	@Test
	void logLikelihoodOfSingleCustomersMatchesTheClosedForm() {
		assertThat(model.logLikelihood(1, 20)).isCloseTo(Math.log(ONE_REPEAT), within(1e-12));
		assertThat(model.logLikelihood(2, 15)).isCloseTo(Math.log(TWO_REPEATS), within(1e-12));
		assertThat(model.logLikelihood(3, 8)).isCloseTo(Math.log(THREE_REPEATS), within(1e-12));
	}

	@Test
	void totalLogLikelihoodSkipsCustomersWithoutRepeatSpend() {
		var customers = CustomerSummaries.of(List.of(CustomerSummary.of(1, 3, 10, 20), CustomerSummary.of(0, 0, 10, 0),
				CustomerSummary.of(2, 5, 10, 15), CustomerSummary.of(3, 6, 10, 8), CustomerSummary.of(2, 4, 10, 0)));

		assertThat(model.logLikelihood(customers))
			.isCloseTo(Math.log(ONE_REPEAT * TWO_REPEATS * THREE_REPEATS), within(1e-11));
		assertThat(GammaGammaModel.fit(customers).customersUsed()).isEqualTo(3);
	}

	@Test
	void gradientOfTheLikelihoodMatchesFiniteDifferences() {
		var customers = CustomerSummaries.of(List.of(CustomerSummary.of(1, 3, 10, 20), CustomerSummary.of(2, 5, 10, 15),
				CustomerSummary.of(3, 6, 10, 8), CustomerSummary.of(12, 9, 10, 31.5)));
		var likelihood = new GammaGammaLikelihood(customers);
		double[] theta = { Math.log(2), Math.log(3), Math.log(10) };
		double[] gradient = new double[3];
		likelihood.logLikelihood(2, 3, 10, gradient);

		for (int i = 0; i < 3; i++) {
			double h = 1e-6;
			double[] up = theta.clone();
			double[] down = theta.clone();
			up[i] += h;
			down[i] -= h;
			double numeric = (at(likelihood, up) - at(likelihood, down)) / (2 * h);
			assertThat(gradient[i]).as("d/dtheta%d", i).isCloseTo(numeric, within(1e-6));
		}
	}

	private static double at(GammaGammaLikelihood likelihood, double[] theta) {
		return likelihood.logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), null);
	}

	@Test
	void expectedSpendShrinksTheCustomersMeanTowardsThePopulationMean() {
		// p (gamma + x zbar) / (p x + q - 1) with p = 2, q = 3, gamma = 10
		assertThat(model.populationMeanSpend()).isCloseTo(10.0, within(1e-12));
		assertThat(model.conditionalExpectedSpend(0, 0)).isCloseTo(10.0, within(1e-12));
		assertThat(model.conditionalExpectedSpend(2, 40)).isCloseTo(2 * (10 + 80) / 6.0, within(1e-12));
		assertThat(model.conditionalExpectedSpend(1000, 40)).isCloseTo(40, within(0.05));
	}

	@Test
	void populationMeanSpendIsUndefinedWhenQIsAtMostOne() {
		var heavyTailed = new GammaGammaModel(2, 0.8, 10);

		assertThatThrownBy(heavyTailed::populationMeanSpend).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void fitNeedsAtLeastTwoRepeatCustomers() {
		var customers = CustomerSummaries.of(List.of(CustomerSummary.of(1, 3, 10, 20), CustomerSummary.of(0, 0, 5, 0)));

		assertThatThrownBy(() -> GammaGammaModel.fit(customers)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least two");
	}

}
