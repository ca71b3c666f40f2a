package io.keyaccount.value.lifetime;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood of a customer base and its gradient in the log-parameters.
 *
 * <p>
 * Customers with equal (x, t_x, T) contribute equally, so they are merged into weighted rows; every
 * customer with x = 0 and the same T is one row, because t_x plays no part for them. The terms that
 * depend on x alone (the gamma and beta functions) are computed once per distinct x, which leaves
 * two logarithms and one exponential per row.
 */
final class BgNbdLikelihood {

	/** Below this many rows one thread is faster than splitting the work. */
	private static final int PARALLEL_ROWS = 50_000;

	private static final int CHUNKS = 64;

	private final int customers;

	private final int[] distinctX;

	private final int[] xIndex;

	private final double[] recency;

	private final double[] age;

	private final double[] weight;

	private final long totalRepeatTransactions;

	private final double totalAge;

	BgNbdLikelihood(CustomerSummaries summaries) {
		if (summaries.size() == 0) {
			throw new IllegalArgumentException("no customers to fit");
		}
		customers = summaries.size();
		var rows = new DistinctRows(summaries.size());
		long repeats = 0;
		double ageSum = 0;
		for (int i = 0; i < summaries.size(); i++) {
			int x = summaries.repeatTransactions(i);
			rows.add(x, x == 0 ? 0 : summaries.recencyWeeks(i), summaries.ageWeeks(i));
			repeats += x;
			ageSum += summaries.ageWeeks(i);
		}
		totalRepeatTransactions = repeats;
		totalAge = ageSum;
		recency = Arrays.copyOf(rows.recency, rows.size);
		age = Arrays.copyOf(rows.age, rows.size);
		weight = Arrays.copyOf(rows.weight, rows.size);
		Map<Integer, Integer> indexOfX = new HashMap<>();
		xIndex = new int[rows.size];
		for (int row = 0; row < rows.size; row++) {
			xIndex[row] = indexOfX.computeIfAbsent(rows.x[row], key -> indexOfX.size());
		}
		distinctX = new int[indexOfX.size()];
		indexOfX.forEach((x, index) -> distinctX[index] = x);
	}

	int customers() {
		return customers;
	}

	long repeatTransactions() {
		return totalRepeatTransactions;
	}

	int rows() {
		return weight.length;
	}

	/**
	 * Where the search starts, in log-parameters: r = a = b = 1 and alpha chosen so that the mean
	 * purchase rate r / alpha matches the observed repeat rate, which puts alpha in the data's time unit.
	 */
	double[] startingPoint() {
		double rate = totalRepeatTransactions / Math.max(totalAge, 1e-9);
		return new double[] { 0, Math.log(1 / rate), 0, 0 };
	}

	/** The total log-likelihood; fills {@code gradient} (d/d log r, log alpha, log a, log b) when not null. */
	double logLikelihood(double r, double alpha, double a, double b, double[] gradient) {
		var terms = new PerX(r, alpha, a, b);
		double[] sums = rows() < PARALLEL_ROWS ? sumRows(terms, 0, rows())
				: IntStream.range(0, CHUNKS).parallel().mapToObj(chunk -> sumChunk(terms, chunk)).reduce(
						new double[5], BgNbdLikelihood::add);
		if (gradient != null) {
			gradient[0] = r * sums[1];
			gradient[1] = alpha * sums[2];
			gradient[2] = a * sums[3];
			gradient[3] = b * sums[4];
		}
		return sums[0];
	}

	private double[] sumChunk(PerX terms, int chunk) {
		int size = rows();
		return sumRows(terms, (int) ((long) size * chunk / CHUNKS), (int) ((long) size * (chunk + 1) / CHUNKS));
	}

	/** Sums of the log-likelihood and its derivatives in r, alpha, a, b over rows [from, to). */
	private double[] sumRows(PerX terms, int from, int to) {
		double ll = 0;
		double dr = 0;
		double dAlpha = 0;
		double da = 0;
		double db = 0;
		double r = terms.r;
		double alpha = terms.alpha;
		for (int row = from; row < to; row++) {
			int k = xIndex[row];
			double rx = terms.rPlusX[k];
			double w = weight[row];
			double logAge = Math.log(alpha + age[row]);
			double alive = -rx * logAge;
			if (terms.hasRepeats[k]) {
				double logRecency = Math.log(alpha + recency[row]);
				double dropped = terms.logDropout[k] - rx * logRecency;
				// log(e^alive + e^dropped) with one exponential: the smaller term relative to the larger
				double ratio = Math.exp(-Math.abs(alive - dropped));
				double pSmaller = ratio / (1 + ratio);
				double pDropped = dropped > alive ? 1 - pSmaller : pSmaller;
				double pAlive = 1 - pDropped;
				ll += w * (terms.constant[k] + Math.max(alive, dropped) + Math.log1p(ratio));
				dr += w * (terms.dConstantR[k] - pAlive * logAge - pDropped * logRecency);
				dAlpha += w * (r / alpha - rx * (pAlive / (alpha + age[row]) + pDropped / (alpha + recency[row])));
				da += w * (terms.dConstantA[k] + pDropped / terms.a);
				db += w * (terms.dConstantB[k] - pDropped * terms.inverseBPlusXMinusOne[k]);
			}
			else {
				ll += w * (terms.constant[k] + alive);
				dr += w * (terms.dConstantR[k] - logAge);
				dAlpha += w * (r / alpha - rx / (alpha + age[row]));
				da += w * terms.dConstantA[k];
				db += w * terms.dConstantB[k];
			}
		}
		return new double[] { ll, dr, dAlpha, da, db };
	}

	private static double[] add(double[] u, double[] v) {
		var sum = new double[u.length];
		for (int i = 0; i < sum.length; i++) {
			sum[i] = u[i] + v[i];
		}
		return sum;
	}

	/**
	 * Terms that depend on x only. With A = Gamma(r+x) alpha^r / Gamma(r) and B(a, b+x) / B(a, b), the
	 * likelihood is A B(a,b+x)/B(a,b) [ (alpha+T)^-(r+x) + [x>0] a/(b+x-1) (alpha+t_x)^-(r+x) ].
	 */
	private final class PerX {

		final double r;

		final double alpha;

		final double a;

		final double[] rPlusX;

		final boolean[] hasRepeats;

		final double[] constant;

		final double[] logDropout;

		final double[] inverseBPlusXMinusOne;

		final double[] dConstantR;

		final double[] dConstantA;

		final double[] dConstantB;

		PerX(double r, double alpha, double a, double b) {
			this.r = r;
			this.alpha = alpha;
			this.a = a;
			int n = distinctX.length;
			rPlusX = new double[n];
			hasRepeats = new boolean[n];
			constant = new double[n];
			logDropout = new double[n];
			inverseBPlusXMinusOne = new double[n];
			dConstantR = new double[n];
			dConstantA = new double[n];
			dConstantB = new double[n];
			double logGammaR = Gamma.logGamma(r);
			double logGammaB = Gamma.logGamma(b);
			double logGammaAB = Gamma.logGamma(a + b);
			double digammaR = Gamma.digamma(r);
			double digammaB = Gamma.digamma(b);
			double digammaAB = Gamma.digamma(a + b);
			for (int k = 0; k < n; k++) {
				int x = distinctX[k];
				rPlusX[k] = r + x;
				hasRepeats[k] = x > 0;
				constant[k] = Gamma.logGamma(r + x) - logGammaR + r * Math.log(alpha) + logGammaAB
						+ Gamma.logGamma(b + x) - logGammaB - Gamma.logGamma(a + b + x);
				dConstantR[k] = Gamma.digamma(r + x) - digammaR + Math.log(alpha);
				dConstantA[k] = digammaAB - Gamma.digamma(a + b + x);
				dConstantB[k] = digammaAB + Gamma.digamma(b + x) - digammaB - Gamma.digamma(a + b + x);
				if (x > 0) {
					logDropout[k] = Math.log(a) - Math.log(b + x - 1);
					inverseBPlusXMinusOne[k] = 1 / (b + x - 1);
				}
			}
		}

	}

	/** Open-addressing set of (x, t_x, T) rows with a count each; a HashMap of records would box a million keys. */
	private static final class DistinctRows {

		final int[] x;

		final double[] recency;

		final double[] age;

		final double[] weight;

		private final int[] table;

		private final int mask;

		int size;

		DistinctRows(int capacity) {
			x = new int[capacity];
			recency = new double[capacity];
			age = new double[capacity];
			weight = new double[capacity];
			table = new int[Integer.highestOneBit(Math.max(capacity, 8) * 2) * 2];
			mask = table.length - 1;
			Arrays.fill(table, -1);
		}

		void add(int repeats, double recencyWeeks, double ageWeeks) {
			int slot = hash(repeats, recencyWeeks, ageWeeks) & mask;
			while (table[slot] >= 0) {
				int row = table[slot];
				if (x[row] == repeats && recency[row] == recencyWeeks && age[row] == ageWeeks) {
					weight[row]++;
					return;
				}
				slot = (slot + 1) & mask;
			}
			table[slot] = size;
			x[size] = repeats;
			recency[size] = recencyWeeks;
			age[size] = ageWeeks;
			weight[size] = 1;
			size++;
		}

		private static int hash(int repeats, double recencyWeeks, double ageWeeks) {
			long h = Double.doubleToLongBits(recencyWeeks) * 0x9E3779B97F4A7C15L;
			h = (h ^ Double.doubleToLongBits(ageWeeks)) * 0xC2B2AE3D27D4EB4FL;
			h = (h ^ repeats) * 0x165667B19E3779F9L;
			return (int) (h ^ (h >>> 32));
		}

	}

}
