package io.keyaccount.value.lifetime;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader and
 * Hardie 2013, note 025). A customer's transactions are Gamma(p, nu) with nu ~ Gamma(q, gamma) across
 * customers, so a customer's mean spend is p / nu and the population mean is p gamma / (q - 1).
 */
public record GammaGammaModel(double p, double q, double gamma) {

	private static final BfgsMinimiser MINIMISER = new BfgsMinimiser(1e-9, 500);

	public GammaGammaModel {
		BgNbdModel.requirePositive("p", p);
		BgNbdModel.requirePositive("q", q);
		BgNbdModel.requirePositive("gamma", gamma);
	}

	/** Maximum likelihood over the customers with x > 0 and a positive mean repeat value; others are skipped. */
	public static FitResult<GammaGammaModel> fit(CustomerSummaries customers) {
		var likelihood = new GammaGammaLikelihood(customers);
		double n = likelihood.customers();
		var minimum = MINIMISER.minimise((theta, gradient) -> {
			for (double t : theta) {
				if (!(Math.abs(t) <= 30)) {
					return Double.NaN;
				}
			}
			double ll = likelihood.logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), gradient);
			for (int i = 0; i < gradient.length; i++) {
				gradient[i] /= -n;
			}
			return -ll / n;
		}, likelihood.startingPoint());
		double[] theta = minimum.point();
		var model = new GammaGammaModel(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]));
		return new FitResult<>(model, -minimum.value() * n, likelihood.customers(), minimum.converged());
	}

	/** Total log-likelihood over the customers a fit would use. */
	public double logLikelihood(CustomerSummaries customers) {
		return new GammaGammaLikelihood(customers).logLikelihood(p, q, gamma, null);
	}

	/** One customer's log-likelihood of mean value {@code meanValue} over {@code x} > 0 transactions. */
	public double logLikelihood(int x, double meanValue) {
		if (x <= 0 || !(meanValue > 0)) {
			throw new IllegalArgumentException("need x > 0 and a positive mean value, got " + x + ", " + meanValue);
		}
		double px = p * x;
		return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
				+ (px - 1) * Math.log(meanValue) + px * Math.log(x) - (px + q) * Math.log(gamma + x * meanValue);
	}

	/**
	 * E[spend per transaction | x, zbar] = (p (gamma + x zbar)) / (p x + q - 1): a weighted mean of the
	 * population mean and the customer's own mean, the weight on the latter growing with x. For x = 0 it
	 * is the population mean, which exists only when q > 1.
	 */
	public double conditionalExpectedSpend(int x, double meanValue) {
		double denominator = p * x + q - 1;
		if (!(denominator > 0)) {
			throw new IllegalStateException("expected spend is infinite when p x + q <= 1 (q = " + q + ")");
		}
		return p * (gamma + x * meanValue) / denominator;
	}

	public double conditionalExpectedSpend(CustomerSummary customer) {
		return conditionalExpectedSpend(customer.repeatTransactions(), customer.meanRepeatValue());
	}

	/** p gamma / (q - 1): the expected spend of a customer about whom nothing is known yet. */
	public double populationMeanSpend() {
		return conditionalExpectedSpend(0, 0);
	}

}
