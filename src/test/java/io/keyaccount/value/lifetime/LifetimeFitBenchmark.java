package io.keyaccount.value.lifetime;

import java.time.LocalDate;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Not a test (timings do not belong in assertions): run by hand to see how the summary and the fits
 * scale, e.g. {@code java -cp target/classes:target/test-classes:<hipparchus jars>
 * io.keyaccount.value.lifetime.LifetimeFitBenchmark 1000000}.
 */
public final class LifetimeFitBenchmark {

	private LifetimeFitBenchmark() {
	}

	public static void main(String[] args) {
		int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		var random = new RandomDataGenerator(1L);
		var history = simulatePurchases(customers, random);
		System.out.printf("purchase lines: %,d%n", history.purchaseCount());

		long start = System.nanoTime();
		var summaries = history.summarise(LocalDate.of(2025, 12, 31));
		report("summarise", start);

		start = System.nanoTime();
		var bgNbd = BgNbdModel.fit(summaries);
		report("BG/NBD fit", start);
		System.out.println(bgNbd);

		start = System.nanoTime();
		var gammaGamma = GammaGammaModel.fit(summaries);
		report("Gamma-Gamma fit", start);
		System.out.println(gammaGamma);

		start = System.nanoTime();
		double total = 0;
		int scored = Math.min(100_000, summaries.size());
		for (int i = 0; i < scored; i++) {
			total += FutureValueHorizon.STANDARD.discountedMargin(bgNbd.model(), gammaGamma.model(), summaries.get(i), 0.3);
		}
		report(String.format("future value of %,d customers (mean %.2f)", scored, total / scored), start);
	}

	/** About ten purchase lines per customer over three years: a busy B2B customer base. */
	private static PurchaseHistory simulatePurchases(int customers, RandomDataGenerator random) {
		var history = new PurchaseHistory();
		LocalDate start = LocalDate.of(2023, 1, 1);
		LocalDate end = LocalDate.of(2025, 12, 31);
		for (int c = 0; c < customers; c++) {
			String id = Integer.toString(c);
			double lambda = random.nextGamma(2, 1 / 8.0);
			double dropout = random.nextBeta(0.5, 8);
			LocalDate first = start.plusDays(random.nextInt(0, 364));
			double weeks = 0;
			for (LocalDate date = first; !date.isAfter(end);) {
				history.add(id, date, 50 + random.nextDouble() * 100);
				if (weeks > 0 && random.nextDouble() < dropout) {
					break;
				}
				weeks += random.nextExponential(1 / lambda);
				date = first.plusDays((long) (weeks * 7));
			}
		}
		return history;
	}

	private static void report(String what, long startNanos) {
		System.out.printf("%s: %.2f s%n", what, (System.nanoTime() - startNanos) / 1e9);
	}

}
