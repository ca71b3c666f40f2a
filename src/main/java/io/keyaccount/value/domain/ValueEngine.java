package io.keyaccount.value.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import io.keyaccount.value.lifetime.BgNbdModel;
import io.keyaccount.value.lifetime.CustomerSummaries;
import io.keyaccount.value.lifetime.FitResult;
import io.keyaccount.value.lifetime.FutureValueHorizon;
import io.keyaccount.value.lifetime.GammaGammaModel;

/**
 * The value model of one company at one date, on primitive columns indexed like the (sorted) account ids: it takes
 * each account's per-day ledger totals in any order, fits BG/NBD and Gamma-Gamma, and yields the four values, the
 * part scores, the composite score, the tier and the resource class of every account. No database, no Spring:
 * the rescore streams rows in and writes the columns out.
 */
public final class ValueEngine {

	private static final int NO_DAY = Integer.MIN_VALUE;

	/** Strategic factors: three ratings of 0-5. */
	public static final int MAX_STRATEGIC_POINTS = 15;

	private final ValueSettings settings;

	private final int asOfDay;

	private final int windowStartDay;

	private final long[] ids;

	private final int n;

	// facts
	private final double[] annualCategorySpend;

	private final int[] strategicPoints;

	// ledger accumulators
	private final int[] purchases;

	private final int[] firstDay;

	private final int[] lastDay;

	private final double[] firstDayAmount;

	private final double[] purchaseAmount;

	private final double[] revenue;

	private final double[] margin;

	private final double[] windowRevenue;

	private final double[] windowMargin;

	private final int[] recentQuarters;

	/** Account-days read; {@link #addAccount} may be called from several threads (for different accounts). */
	private final LongAdder daysRead = new LongAdder();

	private int lastIndex = -1;

	/** @param accountIds every account to score, in ascending order */
	public ValueEngine(ValueSettings settings, LocalDate asOf, long[] accountIds) {
		for (int i = 1; i < accountIds.length; i++) {
			if (accountIds[i] <= accountIds[i - 1]) {
				throw new IllegalArgumentException("account ids must be ascending");
			}
		}
		this.settings = settings;
		this.asOfDay = Math.toIntExact(asOf.toEpochDay());
		this.windowStartDay = windowStartDay(settings, asOf);
		this.ids = accountIds;
		this.n = accountIds.length;
		annualCategorySpend = new double[n];
		strategicPoints = new int[n];
		purchases = new int[n];
		firstDay = new int[n];
		Arrays.fill(firstDay, NO_DAY);
		lastDay = new int[n];
		Arrays.fill(lastDay, NO_DAY);
		firstDayAmount = new double[n];
		purchaseAmount = new double[n];
		revenue = new double[n];
		margin = new double[n];
		windowRevenue = new double[n];
		windowMargin = new double[n];
		recentQuarters = new int[n];
	}

	/** The last day before the current window of a run as of {@code asOf}, as an epoch day. */
	static int windowStartDay(ValueSettings settings, LocalDate asOf) {
		return Math.toIntExact(asOf.minusMonths(settings.currentWindowMonths()).toEpochDay());
	}

	public int size() {
		return n;
	}

	public long accountId(int index) {
		return ids[index];
	}

	/** The index of an account, or a negative number when it is not scored. */
	public int indexOf(long accountId) {
		return Arrays.binarySearch(ids, accountId);
	}

	/** Estimated yearly spend in our category and the strategic ratings (0-15 points) a manager gave. */
	public void describePotential(int index, double yearlyCategorySpend, int strategic) {
		annualCategorySpend[index] = Math.max(0, yearlyCategorySpend);
		strategicPoints[index] = Math.max(0, Math.min(MAX_STRATEGIC_POINTS, strategic));
	}

	/**
	 * One account's ledger total of one day (refunds included, so the amount may be negative). A day with a
	 * positive net amount is one purchase. Days after the as-of date and unknown accounts are ignored. One thread
	 * at a time.
	 *
	 * @return whether the row counted
	 */
	public boolean addDay(long accountId, int epochDay, double amount, double dayMargin) {
		// rows usually come account by account: look the index up once per account
		int i = lastIndex >= 0 && ids[lastIndex] == accountId ? lastIndex : indexOf(accountId);
		lastIndex = i;
		if (i < 0 || epochDay > asOfDay) {
			return false;
		}
		daysRead.increment();
		revenue[i] += amount;
		margin[i] += dayMargin;
		if (epochDay > windowStartDay) {
			windowRevenue[i] += amount;
			windowMargin[i] += dayMargin;
		}
		if (amount > 0) {
			purchases[i]++;
			purchaseAmount[i] += amount;
			if (firstDay[i] == NO_DAY || epochDay < firstDay[i]) {
				firstDay[i] = epochDay;
				firstDayAmount[i] = amount;
			}
			lastDay[i] = Math.max(lastDay[i], epochDay);
			int quarter = (asOfDay - epochDay) / 91;
			if (quarter < 4) {
				recentQuarters[i] |= 1 << quarter;
			}
		}
		return true;
	}

	/**
	 * One account's ledger, already condensed by the database: purchase days (days with a positive net amount),
	 * the first and last of them, the amount of the first, their total, all days' revenue and margin (refunds
	 * included), the same within the current window, and a bit per recent quarter (bit q: a purchase q quarters of
	 * 91 days back). Equivalent to {@link #addDay} for each of its {@code days} days. Several threads may add
	 * accounts at the same time as long as each account comes from one thread.
	 *
	 * @return whether the account is scored
	 */
	public boolean addAccount(long accountId, int purchaseDays, int first, double firstAmount, int last,
			double purchaseTotal, double revenueTotal, double marginTotal, double windowRevenueTotal,
			double windowMarginTotal, int quarterMask, long days) {
		int i = indexOf(accountId);
		if (i < 0) {
			return false;
		}
		daysRead.add(days);
		revenue[i] += revenueTotal;
		margin[i] += marginTotal;
		windowRevenue[i] += windowRevenueTotal;
		windowMargin[i] += windowMarginTotal;
		if (purchaseDays > 0) {
			purchases[i] += purchaseDays;
			purchaseAmount[i] += purchaseTotal;
			if (firstDay[i] == NO_DAY || first < firstDay[i]) {
				firstDay[i] = first;
				firstDayAmount[i] = firstAmount;
			}
			lastDay[i] = Math.max(lastDay[i], last);
			recentQuarters[i] |= quarterMask;
		}
		return true;
	}

	/** The as-of date as an epoch day, and the last day before the current window. */
	public int asOfDay() {
		return asOfDay;
	}

	public int windowStartDay() {
		return windowStartDay;
	}

	public long daysRead() {
		return daysRead.sum();
	}

	/** Fits the models and scores every account. */
	public Scores score() {
		var scores = new Scores(n);
		int buyers = 0;
		for (int i = 0; i < n; i++) {
			if (purchases[i] > 0) {
				buyers++;
			}
		}
		int[] buyerIndex = new int[buyers];
		int[] x = new int[buyers];
		double[] tx = new double[buyers];
		double[] age = new double[buyers];
		double[] meanRepeat = new double[buyers];
		for (int i = 0, b = 0; i < n; i++) {
			if (purchases[i] > 0) {
				buyerIndex[b] = i;
				x[b] = purchases[i] - 1;
				tx[b] = (lastDay[i] - firstDay[i]) / 7.0;
				age[b] = (asOfDay - firstDay[i]) / 7.0;
				meanRepeat[b] = x[b] == 0 ? 0 : Math.max(0, (purchaseAmount[i] - firstDayAmount[i]) / x[b]);
				b++;
			}
		}
		var summaries = CustomerSummaries.ofColumns(x, tx, age, meanRepeat);
		scores.bgNbd = fitBgNbd(summaries, scores);
		scores.gammaGamma = fitGammaGamma(summaries, scores);
		// each buyer writes only its own entries; the horizon sums are shared through a concurrent map
		IntStream.range(0, buyers).parallel()
			.forEach(b -> futureOf(buyerIndex[b], x[b], tx[b], age[b], meanRepeat[b], scores));
		for (int i = 0; i < n; i++) {
			scores.purchases[i] = purchases[i];
			scores.firstDay[i] = firstDay[i];
			scores.lastDay[i] = lastDay[i];
			scores.revenue[i] = revenue[i];
			scores.historical[i] = margin[i];
			scores.current[i] = windowMargin[i];
			double yearlyFromUs = Math.max(0, windowRevenue[i]) * 12.0 / settings.currentWindowMonths();
			scores.potential[i] = Math.max(0, annualCategorySpend[i] - yearlyFromUs) * marginRate(i);
		}
		partsAndScores(scores);
		return scores;
	}

	private FitResult<BgNbdModel> fitBgNbd(CustomerSummaries summaries, Scores scores) {
		try {
			return summaries.size() < 3 ? null : BgNbdModel.fit(summaries);
		}
		catch (RuntimeException ex) {
			scores.fitProblem = "BG/NBD: " + ex.getMessage();
			return null;
		}
	}

	private FitResult<GammaGammaModel> fitGammaGamma(CustomerSummaries summaries, Scores scores) {
		int repeaters = 0;
		for (int i = 0; i < summaries.size(); i++) {
			if (summaries.repeatTransactions(i) > 0 && summaries.meanRepeatValue(i) > 0) {
				repeaters++;
			}
		}
		if (repeaters < 2) {
			return null;
		}
		try {
			return GammaGammaModel.fit(summaries);
		}
		catch (RuntimeException ex) {
			scores.fitProblem = "Gamma-Gamma: " + ex.getMessage();
			return null;
		}
	}

	private double marginRate(int i) {
		if (revenue[i] > 0 && margin[i] > 0) {
			return Math.min(1, margin[i] / revenue[i]);
		}
		return settings.defaultMarginRate();
	}

	/** Future value, P(alive) and expected purchases of one buyer. */
	private void futureOf(int i, int x, double tx, double age, double meanRepeat, Scores scores) {
		double rate = marginRate(i);
		double spend = expectedSpend(i, x, meanRepeat, scores.gammaGamma);
		if (scores.bgNbd == null) {
			// Too little history to fit: the current run rate, discounted, and no P(alive).
			double perMonth = windowMargin[i] / settings.currentWindowMonths();
			scores.future[i] = Math.max(0, perMonth) * discountedMonths();
			scores.expectedPurchases[i] = countInWindow(i) * (double) settings.horizonMonths()
					/ settings.currentWindowMonths();
			scores.probabilityAlive[i] = Double.NaN;
			return;
		}
		BgNbdModel model = scores.bgNbd.model();
		double alive = model.probabilityAlive(x, tx, age);
		double[] horizon = scores.horizonCache.computeIfAbsent(new HorizonKey(x, asOfDay - firstDay[i]),
				key -> horizonSums(model, x, age));
		scores.probabilityAlive[i] = alive;
		scores.expectedPurchases[i] = alive * horizon[1];
		scores.future[i] = alive * horizon[0] * spend * rate;
	}

	/** Purchases in the current window, estimated from the purchase rate since the first one. */
	private double countInWindow(int i) {
		double weeks = Math.max(1, (asOfDay - firstDay[i]) / 7.0);
		double windowWeeks = settings.currentWindowMonths() * FutureValueHorizon.WEEKS_PER_MONTH;
		return purchases[i] * Math.min(1, windowWeeks / weeks);
	}

	private double expectedSpend(int i, int x, double meanRepeat, FitResult<GammaGammaModel> fit) {
		double own = purchaseAmount[i] / purchases[i];
		if (fit == null) {
			return own;
		}
		GammaGammaModel model = fit.model();
		double denominator = model.p() * x + model.q() - 1;
		if (!(denominator > 0)) {
			return own;
		}
		return model.conditionalExpectedSpend(x, meanRepeat);
	}

	/**
	 * For a customer with x repeats and age T: the discounted sum of the transactions expected while alive in each
	 * month of the horizon, and their plain sum. Customers sharing (x, T) share these, which keeps a million
	 * accounts to a few thousand series evaluations.
	 */
	private double[] horizonSums(BgNbdModel model, int x, double age) {
		double monthlyDiscount = Math.pow(1 + settings.discountRate(), -1.0 / 12);
		double discount = 1;
		double previous = 0;
		double discounted = 0;
		for (int m = 1; m <= settings.horizonMonths(); m++) {
			double cumulative = model.expectedTransactionsWhileAlive(m * FutureValueHorizon.WEEKS_PER_MONTH, x, age);
			discount *= monthlyDiscount;
			discounted += (cumulative - previous) * discount;
			previous = cumulative;
		}
		return new double[] { discounted, previous };
	}

	private double discountedMonths() {
		double monthlyDiscount = Math.pow(1 + settings.discountRate(), -1.0 / 12);
		double sum = 0;
		double discount = 1;
		for (int m = 1; m <= settings.horizonMonths(); m++) {
			discount *= monthlyDiscount;
			sum += discount;
		}
		return sum;
	}

	private void partsAndScores(Scores s) {
		s.partHistorical = percentiles(s.historical);
		s.partCurrent = percentiles(s.current);
		s.partFuture = percentiles(s.future);
		double[] headroom = percentiles(s.potential);
		s.partPotential = new double[n];
		for (int i = 0; i < n; i++) {
			s.partPotential[i] = 0.7 * headroom[i] + 0.3 * 100.0 * strategicPoints[i] / MAX_STRATEGIC_POINTS;
		}
		double total = settings.weightTotal();
		for (int i = 0; i < n; i++) {
			double score = (settings.weightHistorical() * s.partHistorical[i] + settings.weightCurrent() * s.partCurrent[i]
					+ settings.weightFuture() * s.partFuture[i] + settings.weightPotential() * s.partPotential[i]) / total;
			s.score[i] = Math.round(score * 10) / 10.0;
			s.tier[i] = settings.tierOf(s.score[i]);
			s.resourceClass[i] = classOf(i, s.probabilityAlive[i]);
		}
	}

	private ResourceClass classOf(int i, double alive) {
		if (purchases[i] == 0) {
			return ResourceClass.POTENTIAL;
		}
		int idleDays = asOfDay - lastDay[i];
		boolean knownAlive = !Double.isNaN(alive) && purchases[i] > 1;
		if (idleDays > settings.lostAfterDays() || (knownAlive && alive < settings.lostBelowAlive())) {
			return ResourceClass.LOST;
		}
		if (idleDays > settings.riskAfterDays() || (knownAlive && alive < settings.riskBelowAlive())) {
			return ResourceClass.AT_RISK;
		}
		if (purchases[i] == 1) {
			return ResourceClass.ONE_TIME;
		}
		boolean sustained = Integer.bitCount(recentQuarters[i]) >= settings.loyalRecentQuarters();
		boolean likelyAlive = Double.isNaN(alive) || alive >= settings.loyalMinAlive();
		return purchases[i] >= 3 && sustained && likelyAlive ? ResourceClass.LOYAL : ResourceClass.RETURNING;
	}

	/**
	 * 0 for values of zero or less; otherwise 100 times the share of positive values at or below this one, so the
	 * best account gets 100 and a long tail does not squeeze everyone else to nothing.
	 */
	static double[] percentiles(double[] values) {
		double[] positive = Arrays.stream(values).filter(v -> v > 0).toArray();
		Arrays.parallelSort(positive);
		double[] parts = new double[values.length];
		if (positive.length == 0) {
			return parts;
		}
		// a binary search over a million values misses the cache at nearly every step: search the last value of
		// every block first (a small array that stays in the cache), then the one block
		double[] blockEnds = new double[(positive.length + BLOCK - 1) / BLOCK];
		for (int b = 0; b < blockEnds.length; b++) {
			blockEnds[b] = positive[Math.min(positive.length, (b + 1) * BLOCK) - 1];
		}
		IntStream.range(0, values.length).parallel().forEach(i -> {
			if (values[i] > 0) {
				int block = upperBound(blockEnds, 0, blockEnds.length, values[i]);
				int at = block == blockEnds.length ? positive.length
						: upperBound(positive, block * BLOCK, Math.min(positive.length, (block + 1) * BLOCK), values[i]);
				parts[i] = 100.0 * at / positive.length;
			}
		});
		return parts;
	}

	private static final int BLOCK = 64;

	/** The first index in [low, high) of a sorted range whose value is above {@code value}, or high. */
	private static int upperBound(double[] sorted, int low, int high, double value) {
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] <= value) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/**
	 * Repeat purchases and days since the first purchase: the buyers that share them share their horizon sums. The
	 * hash mixes both (repeats XOR days, as a packed long would hash, collides for most keys).
	 */
	private record HorizonKey(int repeats, int days) {

		@Override
		public int hashCode() {
			long mixed = (((long) repeats << 32) | days) * 0x9E3779B97F4A7C15L;
			return (int) (mixed ^ (mixed >>> 32));
		}

	}

	/** The results, column by column, indexed like the account ids. */
	public static final class Scores {

		public final int[] purchases;

		public final int[] firstDay;

		public final int[] lastDay;

		public final double[] revenue;

		public final double[] historical;

		public final double[] current;

		public final double[] future;

		public final double[] potential;

		public final double[] probabilityAlive;

		public final double[] expectedPurchases;

		public double[] partHistorical;

		public double[] partCurrent;

		public double[] partFuture;

		public double[] partPotential;

		public final double[] score;

		public final Tier[] tier;

		public final ResourceClass[] resourceClass;

		FitResult<BgNbdModel> bgNbd;

		FitResult<GammaGammaModel> gammaGamma;

		String fitProblem;

		final Map<HorizonKey, double[]> horizonCache = new ConcurrentHashMap<>();

		Scores(int n) {
			purchases = new int[n];
			firstDay = new int[n];
			lastDay = new int[n];
			revenue = new double[n];
			historical = new double[n];
			current = new double[n];
			future = new double[n];
			potential = new double[n];
			probabilityAlive = new double[n];
			Arrays.fill(probabilityAlive, Double.NaN);
			expectedPurchases = new double[n];
			score = new double[n];
			tier = new Tier[n];
			resourceClass = new ResourceClass[n];
		}

		public FitResult<BgNbdModel> bgNbd() {
			return bgNbd;
		}

		public FitResult<GammaGammaModel> gammaGamma() {
			return gammaGamma;
		}

		/** Why a model could not be fitted (null when both fitted or there was too little data to try). */
		public String fitProblem() {
			return fitProblem;
		}

		public boolean hasPurchased(int i) {
			return purchases[i] > 0;
		}

		public LocalDate firstPurchase(int i) {
			return firstDay[i] == NO_DAY ? null : LocalDate.ofEpochDay(firstDay[i]);
		}

		public LocalDate lastPurchase(int i) {
			return lastDay[i] == NO_DAY ? null : LocalDate.ofEpochDay(lastDay[i]);
		}

	}

}
