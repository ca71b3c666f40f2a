package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Published CDNOW figures (see shared/data/cdnow/README.md); skipped when the data folder is absent. */
class CdnowReferenceTests {

	/** The rounded published estimates that the BTYD and Excel reference figures were computed with. */
	private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

	@Test
	void bgNbdFitMatchesPublishedParametersAndLogLikelihood() {
		var fit = BgNbdModel.fit(Cdnow.rfmSummary());

		assertThat(fit.converged()).isTrue();
		assertThat(fit.customersUsed()).isEqualTo(2357);
		assertThat(fit.model().r()).isCloseTo(0.2426, within(0.001));
		assertThat(fit.model().alpha()).isCloseTo(4.4135, within(0.001));
		assertThat(fit.model().a()).isCloseTo(0.7929, within(0.001));
		assertThat(fit.model().b()).isCloseTo(2.4258, within(0.001));
		assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.01));
	}

	@Test
	void gammaGammaFitMatchesPublishedParameters() {
		var fit = GammaGammaModel.fit(Cdnow.rfmSummaryWithSpend());

		assertThat(fit.converged()).isTrue();
		assertThat(fit.customersUsed()).isEqualTo(946);
		assertThat(fit.model().p()).isCloseTo(6.249, within(0.01));
		assertThat(fit.model().q()).isCloseTo(3.745, within(0.01));
		assertThat(fit.model().gamma()).isCloseTo(15.448, within(0.01));
		assertThat(fit.logLikelihood()).isCloseTo(-4055.92, within(0.01));
	}

	@Test
	void conditionalExpectationMatchesHardieSpreadsheet() {
		var fitted = BgNbdModel.fit(Cdnow.rfmSummary()).model();

		assertThat(fitted.conditionalExpectedTransactions(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
	}

	@Test
	void unconditionalExpectationMatchesHardieSpreadsheet() {
		// like the published check, this uses the fitted, not the rounded, parameters
		var fitted = BgNbdModel.fit(Cdnow.rfmSummary()).model();
		double[] weeks = { 0.1429, 1, 3, 31.8571, 32, 78 };
		double[] published = { 0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576 };

		for (int i = 0; i < weeks.length; i++) {
			assertThat(fitted.expectedTransactions(weeks[i])).as("E[X(%s)]", weeks[i])
				.isCloseTo(published[i], within(0.0005));
		}
	}

	@Test
	void probabilityOfPurchaseCountsMatchesBtyd() {
		assertThat(PUBLISHED.probabilityOfTransactions(0, 39)).isCloseTo(0.5737864, within(1e-7));
		assertThat(PUBLISHED.probabilityOfTransactions(10, 2)).isCloseTo(1.07869e-07, within(1e-12));
	}

	@Test
	void holdoutForecastSumsToTheReferenceFigureAndBeatsANaiveForecast() throws IOException {
		var customers = Cdnow.rfmSummary();
		var fitted = BgNbdModel.fit(customers).model();
		int[] actual = Cdnow.holdoutPurchaseDays();
		double forecast = 0;
		double modelError = 0;
		double naiveError = 0;
		for (int i = 0; i < customers.size(); i++) {
			var customer = customers.get(i);
			double expected = fitted.conditionalExpectedTransactions(39, customer);
			// the naive forecast carries each customer's calibration repeat rate forward
			double naive = customer.repeatTransactions() / customer.ageWeeks() * 39;
			forecast += expected;
			modelError += Math.abs(expected - actual[i]);
			naiveError += Math.abs(naive - actual[i]);
		}

		assertThat(forecast).isCloseTo(1653.4, within(0.1));
		assertThat(IntStream.of(actual).sum()).isEqualTo(1882);
		assertThat(modelError / customers.size()).as("mean absolute error per customer")
			.isLessThan(naiveError / customers.size());
	}

	@Test
	void conditionalExpectedSpendMatchesNote025Spreadsheet() {
		var customers = Cdnow.rfmSummaryWithSpend();
		var fitted = GammaGammaModel.fit(customers).model();
		double[] published = { 24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17 };

		for (int i = 0; i < published.length; i++) {
			assertThat(fitted.conditionalExpectedSpend(customers.get(i))).as("customer %d", i + 1)
				.isCloseTo(published[i], within(0.01));
		}
		assertThat(fitted.populationMeanSpend()).isCloseTo(35.17, within(0.005));
	}

}
