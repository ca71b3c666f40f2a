package io.keyaccount.value.lifetime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood of the customers with repeat transactions and its gradient in the
 * log-parameters. The gamma functions depend on x alone and are computed once per distinct x, leaving
 * one logarithm per customer.
 */
final class GammaGammaLikelihood {

	private final int[] distinctX;

	private final int[] xIndex;

	private final double[] total;

	private final double[] logMean;

	private final double[] logX;

	private final double meanSpend;

	/** Only customers with x > 0 and a positive mean repeat value carry information about spend. */
	GammaGammaLikelihood(CustomerSummaries summaries) {
		List<Integer> used = new ArrayList<>();
		for (int i = 0; i < summaries.size(); i++) {
			if (summaries.repeatTransactions(i) > 0 && summaries.meanRepeatValue(i) > 0) {
				used.add(i);
			}
		}
		if (used.size() < 2) {
			throw new IllegalArgumentException(
					"Gamma-Gamma needs at least two customers with repeat transactions, found " + used.size());
		}
		int n = used.size();
		xIndex = new int[n];
		total = new double[n];
		logMean = new double[n];
		logX = new double[n];
		Map<Integer, Integer> indexOfX = new HashMap<>();
		double spendSum = 0;
		for (int k = 0; k < n; k++) {
			int i = used.get(k);
			int x = summaries.repeatTransactions(i);
			double mean = summaries.meanRepeatValue(i);
			xIndex[k] = indexOfX.computeIfAbsent(x, key -> indexOfX.size());
			total[k] = x * mean;
			logMean[k] = Math.log(mean);
			logX[k] = Math.log(x);
			spendSum += mean;
		}
		distinctX = new int[indexOfX.size()];
		indexOfX.forEach((x, index) -> distinctX[index] = x);
		meanSpend = spendSum / n;
	}

	int customers() {
		return xIndex.length;
	}

	/** p = 1, q = 2 and gamma such that the population mean spend p gamma / (q - 1) is the observed mean. */
	double[] startingPoint() {
		return new double[] { 0, Math.log(2), Math.log(meanSpend) };
	}

	/**
	 * Per customer: Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q),
	 * the density of the mean of x Gamma(p, nu) values with nu ~ Gamma(q, gamma).
	 */
	double logLikelihood(double p, double q, double gamma, double[] gradient) {
		int m = distinctX.length;
		var constant = new double[m];
		var digammaPxq = new double[m];
		var digammaPx = new double[m];
		double logGammaQ = Gamma.logGamma(q);
		for (int k = 0; k < m; k++) {
			double px = p * distinctX[k];
			constant[k] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ;
			digammaPxq[k] = Gamma.digamma(px + q);
			digammaPx[k] = Gamma.digamma(px);
		}
		double logGammaParam = Math.log(gamma);
		double digammaQ = Gamma.digamma(q);
		double ll = 0;
		double dp = 0;
		double dq = 0;
		double dGamma = 0;
		for (int i = 0; i < xIndex.length; i++) {
			int k = xIndex[i];
			int x = distinctX[k];
			double px = p * x;
			double logDenominator = Math.log(gamma + total[i]);
			ll += constant[k] + q * logGammaParam + (px - 1) * logMean[i] + px * logX[i] - (px + q) * logDenominator;
			dp += x * (digammaPxq[k] - digammaPx[k] + logMean[i] + logX[i] - logDenominator);
			dq += digammaPxq[k] - digammaQ + logGammaParam - logDenominator;
			dGamma += q / gamma - (px + q) / (gamma + total[i]);
		}
		if (gradient != null) {
			gradient[0] = p * dp;
			gradient[1] = q * dq;
			gradient[2] = gamma * dGamma;
		}
		return ll;
	}

}
