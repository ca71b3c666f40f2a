package io.keyaccount.value.lifetime;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy
 * Way"). While alive a customer buys at a rate lambda ~ Gamma(r, alpha); after each repeat purchase
 * they drop out for good with probability p ~ Beta(a, b). Time is in weeks throughout.
 *
 * <p>
 * Per customer: x repeat transactions, the last at t_x, observed for T weeks since the first one.
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

	private static final BfgsMinimiser MINIMISER = new BfgsMinimiser(1e-9, 500);

	public BgNbdModel {
		requirePositive("r", r);
		requirePositive("alpha", alpha);
		requirePositive("a", a);
		requirePositive("b", b);
	}

	/** Maximum likelihood over all customers, searched on log-parameters so that they stay positive. */
	public static FitResult<BgNbdModel> fit(CustomerSummaries customers) {
		var likelihood = new BgNbdLikelihood(customers);
		if (likelihood.repeatTransactions() == 0) {
			// with nobody coming back the likelihood rises for ever as r / alpha -> 0: there is no estimate
			throw new IllegalArgumentException("BG/NBD needs at least one customer with a repeat transaction");
		}
		double n = likelihood.customers();
		var minimum = MINIMISER.minimise((theta, gradient) -> {
			if (!withinSearchBox(theta)) {
				return Double.NaN;
			}
			double ll = likelihood.logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]),
					Math.exp(theta[3]), gradient);
			for (int i = 0; i < gradient.length; i++) {
				gradient[i] /= -n;
			}
			return -ll / n;
		}, likelihood.startingPoint());
		double[] theta = minimum.point();
		var model = new BgNbdModel(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3]));
		return new FitResult<>(model, -minimum.value() * n, likelihood.customers(), minimum.converged());
	}

	public double logLikelihood(CustomerSummaries customers) {
		return new BgNbdLikelihood(customers).logLikelihood(r, alpha, a, b, null);
	}

	/** One customer's log-likelihood, computed in log space so that large x and T do not overflow. */
	public double logLikelihood(int x, double tx, double T) {
		double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + logBetaRatio(x);
		double alive = -(r + x) * Math.log(alpha + T);
		if (x == 0) {
			return common + alive;
		}
		double dropped = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
		return common + logSumExp(alive, dropped);
	}

	/** P(alive at T | x, t_x, T); 1 for a customer who never came back, since dropping out needs a repeat purchase. */
	public double probabilityAlive(int x, double tx, double T) {
		if (x == 0) {
			return 1;
		}
		double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
		return 1 / (1 + Math.exp(logOdds));
	}

	public double probabilityAlive(CustomerSummary customer) {
		return probabilityAlive(customer.repeatTransactions(), customer.recencyWeeks(), customer.ageWeeks());
	}

	/**
	 * E[Y(t) | x, t_x, T]: expected transactions in the next t weeks (Fader, Hardie and Lee 2005), written via
	 * Euler's transformation as P(alive) (a+b+x-1)/(a-1) [1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)]
	 * with z = t / (alpha + T + t); that form keeps the series parameters small for large x.
	 */
	public double conditionalExpectedTransactions(double t, int x, double tx, double T) {
		if (!(t >= 0)) {
			throw new IllegalArgumentException("t must not be negative: " + t);
		}
		if (t == 0) {
			return 0;
		}
		return probabilityAlive(x, tx, T) * expectedWhileAlive(t, x, T, a);
	}

	public double conditionalExpectedTransactions(double t, CustomerSummary customer) {
		return conditionalExpectedTransactions(t, customer.repeatTransactions(), customer.recencyWeeks(),
				customer.ageWeeks());
	}

	/**
	 * E[Y(t) | x, T] for a customer known to be alive: the conditional expectation divided by P(alive). It does
	 * not depend on t_x, so customers with equal x and T share it.
	 */
	public double expectedTransactionsWhileAlive(double t, int x, double T) {
		if (!(t >= 0)) {
			throw new IllegalArgumentException("t must not be negative: " + t);
		}
		return t == 0 ? 0 : expectedWhileAlive(t, x, T, a);
	}

	/** E[X(t)] for a customer just acquired: the conditional expectation with x = 0 and T = 0. */
	public double expectedTransactions(double t) {
		return conditionalExpectedTransactions(t, 0, 0, 0);
	}

	/** P(X(t) = n) for a customer just acquired: still active after n purchases, or dropped out after the n-th. */
	public double probabilityOfTransactions(int n, double t) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative: " + n);
		}
		double logStay = Math.log(alpha / (alpha + t));
		double logBuy = Math.log(t / (alpha + t));
		double stillActive = Math.exp(logBetaRatio(n) + logNegativeBinomial(n, logStay, logBuy));
		if (n == 0) {
			return stillActive;
		}
		double droppedOut = Math.exp(Math.log(a) + Gamma.logGamma(b + n - 1) - Gamma.logGamma(b)
				+ Gamma.logGamma(a + b) - Gamma.logGamma(a + b + n));
		return stillActive + droppedOut * negativeBinomialTail(n, logStay, logBuy);
	}

	/** (a+b+x-1)/(a-1) [1 - ...]: the limit a -> 1 is finite, so it is approached from both sides there. */
	private double expectedWhileAlive(double t, int x, double T, double shape) {
		if (Math.abs(shape - 1) < 1e-4) {
			return 0.5 * (expectedWhileAlive(t, x, T, shape + 2e-4) + expectedWhileAlive(t, x, T, shape - 2e-4));
		}
		double z = t / (alpha + T + t);
		double series = GaussHypergeometric.value(shape + b - 1 - r, shape - 1, shape + b + x - 1, z);
		double bracket = -Math.expm1((shape - 1) * Math.log1p(-z)) * series - (series - 1);
		return (shape + b + x - 1) / (shape - 1) * bracket;
	}

	/** log B(a, b+x) / B(a, b). */
	private double logBetaRatio(int x) {
		return Gamma.logGamma(b + x) - Gamma.logGamma(b) + Gamma.logGamma(a + b) - Gamma.logGamma(a + b + x);
	}

	/** log of Gamma(r+n)/(Gamma(r) n!) p^r (1-p)^n, the NBD probability of n purchases. */
	private double logNegativeBinomial(int n, double logStay, double logBuy) {
		return Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0) + r * logStay + n * logBuy;
	}

	/** P(NBD >= n), summed from whichever side avoids cancelling against 1. */
	private double negativeBinomialTail(int n, double logStay, double logBuy) {
		double buy = Math.exp(logBuy);
		double term = Math.exp(r * logStay);
		double head = 0;
		for (int j = 0; j < n; j++) {
			head += term;
			term *= (r + j) / (j + 1) * buy;
		}
		if (head < 0.5) {
			return 1 - head;
		}
		double tail = 0;
		// below MIN_NORMAL a term times a ratio near 1 can round back to itself for ever
		for (int j = n; term >= Double.MIN_NORMAL; j++) {
			tail += term;
			double ratio = (r + j) / (j + 1) * buy;
			if (ratio < 1 && term * ratio / (1 - ratio) <= 1e-16 * tail) {
				break;
			}
			term *= ratio;
		}
		return tail;
	}

	private static double logSumExp(double u, double v) {
		double max = Math.max(u, v);
		return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
	}

	private static boolean withinSearchBox(double[] theta) {
		for (double t : theta) {
			if (!(Math.abs(t) <= 30)) {
				return false;
			}
		}
		return true;
	}

	static void requirePositive(String name, double value) {
		if (!(value > 0 && Double.isFinite(value))) {
			throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
		}
	}

}
