package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GaussHypergeometricTests {

	@ParameterizedTest
	@ValueSource(doubles = { 0.1, 0.5, 0.7, 0.95, 0.999 })
	void logarithmCaseWhereCMinusAMinusBIsAnInteger(double z) {
		// 2F1(1, 1; 2; z) = -ln(1 - z) / z, and c - a - b = 0 puts the connection formula on a pole
		double expected = -Math.log1p(-z) / z;

		assertThat(GaussHypergeometric.value(1, 1, 2, z)).isCloseTo(expected, within(1e-8 * expected));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.3, 0.8, 0.99 })
	void binomialCase(double z) {
		// 2F1(a, b; b; z) = (1 - z)^-a
		double expected = Math.pow(1 - z, -0.7);

		assertThat(GaussHypergeometric.value(0.7, 2.3, 2.3, z)).isCloseTo(expected, within(1e-11 * expected));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.2, 0.6, 0.9, 0.999 })
	void arcsineCase(double x) {
		// 2F1(1/2, 1/2; 3/2; x^2) = arcsin(x) / x
		double expected = Math.asin(x) / x;

		assertThat(GaussHypergeometric.value(0.5, 0.5, 1.5, x * x)).isCloseTo(expected, within(1e-11 * expected));
	}

	@ParameterizedTest
	@CsvSource({ "0.2426, 0.7929, 2.4258, 0, 0.97", "0.2426, 0.7929, 2.4258, 3, 0.995", "0.2426, 0.7929, 2.4258, 150, 0.9",
			"0.5, 2.6, 2.5, 100, 0.51", "0.5, 2.6, 2.5, 25, 0.51", "0.5, 0.6, 2.5, 1, 0.8" })
	void agreesWithTheSlowSeriesForTheBgNbdExpectation(double r, double a, double b, int x, double z) {
		// the 2F1 of the BG/NBD conditional expectation; the plain series converges for any z < 1, only slowly
		double slow = GaussHypergeometric.series(a + b - 1 - r, a - 1, a + b + x - 1, z);

		assertThat(GaussHypergeometric.value(a + b - 1 - r, a - 1, a + b + x - 1, z))
			.isCloseTo(slow, within(1e-12 * Math.abs(slow)));
	}

	@Test
	void bothMethodsMeetAtOneHalf() {
		double below = GaussHypergeometric.value(1.9, -0.2, 3.2, 0.5);
		double above = GaussHypergeometric.value(1.9, -0.2, 3.2, Math.nextUp(0.5));

		assertThat(above).isCloseTo(below, within(1e-13));
	}

	@Test
	void rejectsArgumentsOutsideTheUnitInterval() {
		assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
	}

}
