package io.keyaccount.value.lifetime;

import org.hipparchus.special.Gamma;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real 0 <= z < 1.
 *
 * <p>
 * The power series is summed directly when it converges within a few hundred terms: always for
 * z <= 1/2, and for any z when c is large, as it is for customers with many transactions. Otherwise, for
 * small c and z near 1 (a 36-month horizon for a new customer reaches z = 0.98), the value comes from the
 * connection formula in 1 - z (Abramowitz and Stegun 15.3.6), whose two series converge fast there. That
 * formula is not used more widely because with large parameters its two terms cancel badly. It has
 * removable poles when c - a - b is an integer; there the value is the mean of two evaluations at c
 * shifted a little either way, which is exact to second order in the shift.
 */
final class GaussHypergeometric {

	private static final double SERIES_LIMIT = 0.5;

	private static final int QUICK_TERMS = 300;

	private static final double INTEGER_GUARD = 1e-5;

	private static final double SHIFT = 2e-5;

	private static final int MAX_TERMS = 100_000;

	private GaussHypergeometric() {
	}

	static double value(double a, double b, double c, double z) {
		if (!(z >= 0 && z < 1)) {
			throw new IllegalArgumentException("z must lie in [0, 1), was " + z);
		}
		if (c <= 0 && c == Math.rint(c)) {
			throw new IllegalArgumentException("c must not be a non-positive integer, was " + c);
		}
		if (z <= SERIES_LIMIT) {
			return series(a, b, c, z);
		}
		double quick = series(a, b, c, z, QUICK_TERMS);
		return Double.isNaN(quick) ? nearOne(a, b, c, z) : quick;
	}

	static double series(double a, double b, double c, double z) {
		double sum = series(a, b, c, z, MAX_TERMS);
		if (Double.isNaN(sum)) {
			throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
		}
		return sum;
	}

	/** The power series, or NaN when it has not converged within {@code maxTerms}. */
	private static double series(double a, double b, double c, double z, int maxTerms) {
		double term = 1;
		double sum = 1;
		for (int n = 0; n < maxTerms; n++) {
			term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			sum += term;
			// while c + n < 0 the terms can dip and then jump as c + n passes zero
			if (Math.abs(term) <= 1e-17 * Math.abs(sum) && c + n > 0) {
				return sum;
			}
		}
		return Double.NaN;
	}

	private static double nearOne(double a, double b, double c, double z) {
		double m = c - a - b;
		if (Math.abs(m - Math.rint(m)) < INTEGER_GUARD) {
			return 0.5 * (connection(a, b, c + SHIFT, z) + connection(a, b, c - SHIFT, z));
		}
		return connection(a, b, c, z);
	}

	/**
	 * A&S 15.3.6, with the second series put through Euler's transformation
	 * 2F1(c-a, c-b; 1+m; w) = z^(1-c) 2F1(1-b, 1-a; 1+m; w), whose parameters stay small when a and b
	 * grow with a customer's transaction count.
	 */
	private static double connection(double a, double b, double c, double z) {
		double w = 1 - z;
		double m = c - a - b;
		double first = signedGammaRatio(new double[] { c, m }, new double[] { c - a, c - b }, 0)
				* series(a, b, 1 - m, w);
		double second = signedGammaRatio(new double[] { c, -m }, new double[] { a, b },
				m * Math.log(w) + (1 - c) * Math.log(z)) * series(1 - b, 1 - a, 1 + m, w);
		return first + second;
	}

	/** exp(logFactor) * prod Gamma(numerators) / prod Gamma(denominators), with signs, in log space. */
	private static double signedGammaRatio(double[] numerators, double[] denominators, double logFactor) {
		double log = logFactor;
		double sign = 1;
		for (double x : numerators) {
			log += logAbsGamma(x);
			sign *= gammaSign(x);
		}
		for (double x : denominators) {
			if (x <= 0 && x == Math.rint(x)) {
				return 0; // 1/Gamma vanishes at its poles
			}
			log -= logAbsGamma(x);
			sign *= gammaSign(x);
		}
		return sign * Math.exp(log);
	}

	/** log |Gamma(x)|, by reflection for negative non-integer x. */
	static double logAbsGamma(double x) {
		if (x > 0) {
			return Gamma.logGamma(x);
		}
		return Math.log(Math.PI) - Math.log(Math.abs(Math.sin(Math.PI * x))) - Gamma.logGamma(1 - x);
	}

	static double gammaSign(double x) {
		return x > 0 ? 1 : Math.signum(Math.sin(Math.PI * x));
	}

}
