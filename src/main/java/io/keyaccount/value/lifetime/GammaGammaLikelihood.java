package io.keyaccount.value.lifetime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood of the customers with repeat transactions and its gradient in the
 * log-parameters. The gamma functions depend on x alone and are computed once per distinct x, leaving
 * one logarithm per customer.
 */
final class GammaGammaLikelihood {

	/** Below this many customers one thread is faster than splitting the work. */
	private static final int PARALLEL_ROWS = 50_000;

	private static final int CHUNKS = 64;

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
		var terms = new PerX(p, q);
		int rows = xIndex.length;
		double[] sums = rows < PARALLEL_ROWS ? sumRows(terms, p, q, gamma, 0, rows)
				: IntStream.range(0, CHUNKS)
					.parallel()
					.mapToObj(chunk -> sumRows(terms, p, q, gamma, (int) ((long) rows * chunk / CHUNKS),
							(int) ((long) rows * (chunk + 1) / CHUNKS)))
					.reduce(new double[4], GammaGammaLikelihood::add);
		if (gradient != null) {
			gradient[0] = p * sums[1];
			gradient[1] = q * sums[2];
			gradient[2] = gamma * sums[3];
		}
		return sums[0];
	}

	/** Sums of the log-likelihood and its derivatives in p, q, gamma over customers [from, to). */
	private double[] sumRows(PerX terms, double p, double q, double gamma, int from, int to) {
		double logGammaParam = Math.log(gamma);
		double ll = 0;
		double dp = 0;
		double dq = 0;
		double dGamma = 0;
		for (int i = from; i < to; i++) {
			int k = xIndex[i];
			int x = distinctX[k];
			double px = p * x;
			double logDenominator = Math.log(gamma + total[i]);
			ll += terms.constant[k] + q * logGammaParam + (px - 1) * logMean[i] + px * logX[i]
					- (px + q) * logDenominator;
			dp += x * (terms.digammaPxq[k] - terms.digammaPx[k] + logMean[i] + logX[i] - logDenominator);
			dq += terms.digammaPxq[k] - terms.digammaQ + logGammaParam - logDenominator;
			dGamma += q / gamma - (px + q) / (gamma + total[i]);
		}
		return new double[] { ll, dp, dq, dGamma };
	}

	private static double[] add(double[] u, double[] v) {
		var sum = new double[u.length];
		for (int i = 0; i < sum.length; i++) {
			sum[i] = u[i] + v[i];
		}
		return sum;
	}

	/** The gamma-function terms, which depend on x alone. */
	private final class PerX {

		final double[] constant;

		final double[] digammaPxq;

		final double[] digammaPx;

		final double digammaQ;

		PerX(double p, double q) {
			int m = distinctX.length;
			constant = new double[m];
			digammaPxq = new double[m];
			digammaPx = new double[m];
			double logGammaQ = Gamma.logGamma(q);
			for (int k = 0; k < m; k++) {
				double px = p * distinctX[k];
				constant[k] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ;
				digammaPxq[k] = Gamma.digamma(px + q);
				digammaPx[k] = Gamma.digamma(px);
			}
			digammaQ = Gamma.digamma(q);
		}

	}

}
