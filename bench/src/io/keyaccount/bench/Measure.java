package io.keyaccount.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the bench measures one scenario: the single-request median (sequential, after a warm-up) and the throughput
 * and p99 latency of 8 concurrent callers; and {@link #paired} single-request medians of a reference and its API
 * call, alternated, for the ratio. Every loop is bounded in count and time.
 * <p>
 * The warm-up lasts until the calls stop getting faster: windows of two seconds, until three in a row are no more
 * than 3 % faster than the fastest before them (at least {@code warmupSeconds}, at most {@code warmupMaxSeconds}).
 * A server runs warm; a freshly started app on two cores keeps compiling its request path for tens of seconds, and
 * until the eighth session the eight seconds of warm-up measured the list's first calls at three times their
 * steady-state median. The references warm up the same way.
 */
final class Measure {

	/** One call of a scenario; {@code i} picks the parameters, the same i giving the same parameters everywhere. */
	interface Call {

		/** Makes the call; returns false when the answer was not the expected one. */
		boolean run(int worker, long i) throws Exception;

	}

	record Settings(double warmupSeconds, double warmupMaxSeconds, int singleRequests, double singleMaxSeconds,
			double loadWarmupSeconds, double loadSeconds, int connections, int pairedRounds, int pairedBlock) {

		static Settings of(boolean quick) {
			return quick ? new Settings(2, 4, 30, 5, 1, 4, 8, 3, 10) : new Settings(8, 60, 300, 25, 4, 20, 8, 20, 50);
		}

	}

	/**
	 * Single-request medians of a reference and an API call measured alternately (see {@link #paired}), with the
	 * median of the rounds' own ratios beside the ratio of the medians.
	 */
	record Paired(double referenceMs, double apiMs, double medianRoundRatio, int rounds, int block) {

		double ratio() {
			return apiMs / referenceMs;
		}

		String encode() {
			return referenceMs + "," + apiMs + "," + medianRoundRatio + "," + rounds + "," + block;
		}

		static Paired decode(String text) {
			String[] p = text.split(",");
			return new Paired(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
					Integer.parseInt(p[3]), Integer.parseInt(p[4]));
		}

	}

	record Result(double medianMs, int singleCount, double throughput, double p99Ms, long loadCount, long failures) {

		String encode() {
			return medianMs + "," + singleCount + "," + throughput + "," + p99Ms + "," + loadCount + "," + failures;
		}

		static Result decode(String text) {
			String[] p = text.split(",");
			return new Result(Double.parseDouble(p[0]), Integer.parseInt(p[1]), Double.parseDouble(p[2]),
					Double.parseDouble(p[3]), Long.parseLong(p[4]), Long.parseLong(p[5]));
		}

	}

	private final Settings settings;

	/** The next parameter index: warm-up, single and load calls never repeat an index (creates need that). */
	private final AtomicLong sequence = new AtomicLong();

	Measure(Settings settings) {
		this.settings = settings;
	}

	Result run(String name, Call call) throws Exception {
		AtomicLong failures = new AtomicLong();
		double warmedUp = warmUp(call, failures);
		List<Long> single = new ArrayList<>();
		long deadline = System.nanoTime() + (long) (settings.singleMaxSeconds() * 1e9);
		while (single.size() < settings.singleRequests() && (System.nanoTime() < deadline || single.size() < 10)) {
			long t0 = System.nanoTime();
			count(call.run(0, sequence.getAndIncrement()), failures);
			single.add(System.nanoTime() - t0);
		}
		double median = percentile(single.stream().mapToLong(Long::longValue).toArray(), 50) / 1e6;
		concurrently(call, settings.loadWarmupSeconds(), failures);
		failures.set(0);
		long t0 = System.nanoTime();
		long[] latencies = concurrently(call, settings.loadSeconds(), failures);
		double elapsed = (System.nanoTime() - t0) / 1e9;
		Result result = new Result(median, single.size(), latencies.length / elapsed, percentile(latencies, 99) / 1e6,
				latencies.length, failures.get());
		System.out.printf("  %-28s median %8.2f ms (n=%d)   %8.1f req/s   p99 %8.2f ms   (n=%d, failed %d; warm-up %.0f s)%n",
				name, result.medianMs(), result.singleCount(), result.throughput(), result.p99Ms(), result.loadCount(),
				result.failures(), warmedUp);
		return result;
	}

	/**
	 * The single-request medians of a reference and the API call it stands for, measured in alternating blocks
	 * (reference first in even rounds, API first in odd ones) after both have warmed up in this process. On this
	 * machine the same reference's median moved up to 2.6× between runs minutes apart (tenth session) and 4× in
	 * the eleventh (0.05 to 0.21 ms for the detail's); measured apart, the ratio was as much the machine's state
	 * as the app's. Alternated, both see the same minutes.
	 */
	Paired paired(String name, Call reference, Call api) throws Exception {
		AtomicLong failures = new AtomicLong();
		warmUp(reference, failures);
		warmUp(api, failures);
		int rounds = settings.pairedRounds();
		int block = settings.pairedBlock();
		long[] referenceTimes = new long[rounds * block];
		long[] apiTimes = new long[rounds * block];
		double[] roundRatios = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			int at = round * block;
			for (int side = 0; side < 2; side++) {
				boolean referenceNow = side == round % 2;
				long[] times = referenceNow ? referenceTimes : apiTimes;
				Call call = referenceNow ? reference : api;
				for (int k = 0; k < block; k++) {
					long t0 = System.nanoTime();
					count(call.run(0, sequence.getAndIncrement()), failures);
					times[at + k] = System.nanoTime() - t0;
				}
			}
			roundRatios[round] = percentile(Arrays.copyOfRange(apiTimes, at, at + block), 50)
					/ percentile(Arrays.copyOfRange(referenceTimes, at, at + block), 50);
		}
		Arrays.sort(roundRatios);
		Paired paired = new Paired(percentile(referenceTimes, 50) / 1e6, percentile(apiTimes, 50) / 1e6,
				roundRatios[rounds / 2], rounds, block);
		System.out.printf("  %-28s paired medians: reference %.3f ms, API %.3f ms, %.1f× (median of %d rounds' ratios"
				+ " %.1f×; failed %d)%n", name, paired.referenceMs(), paired.apiMs(), paired.ratio(), rounds,
				paired.medianRoundRatio(), failures.get());
		return paired;
	}

	/** Sequential calls until they stop getting faster (see the class comment); returns the seconds it took. */
	private double warmUp(Call call, AtomicLong failures) throws Exception {
		long start = System.nanoTime();
		long end = start + (long) (settings.warmupMaxSeconds() * 1e9);
		long window = (long) (Math.min(2, settings.warmupSeconds()) * 1e9);
		double fastest = Double.MAX_VALUE;
		int windowsWithoutGain = 0;
		while (System.nanoTime() < end) {
			List<Long> times = new ArrayList<>();
			long windowEnd = System.nanoTime() + window;
			while (System.nanoTime() < windowEnd) {
				long t0 = System.nanoTime();
				count(call.run(0, sequence.getAndIncrement()), failures);
				times.add(System.nanoTime() - t0);
			}
			double median = percentile(times.stream().mapToLong(Long::longValue).toArray(), 50);
			windowsWithoutGain = median < fastest * 0.97 ? 0 : windowsWithoutGain + 1;
			fastest = Math.min(fastest, median);
			if (windowsWithoutGain >= 3 && System.nanoTime() - start >= settings.warmupSeconds() * 1e9) {
				break;
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private long[] concurrently(Call call, double seconds, AtomicLong failures) throws InterruptedException {
		int n = settings.connections();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long[][] perWorker = new long[n][];
		Thread[] threads = new Thread[n];
		for (int w = 0; w < n; w++) {
			int worker = w;
			threads[w] = new Thread(() -> {
				long[] lat = new long[1024];
				int count = 0;
				while (System.nanoTime() < deadline) {
					long t0 = System.nanoTime();
					try {
						count(call.run(worker, sequence.getAndIncrement()), failures);
					}
					catch (Exception ex) {
						failures.incrementAndGet();
					}
					if (count == lat.length) {
						lat = Arrays.copyOf(lat, count * 2);
					}
					lat[count++] = System.nanoTime() - t0;
				}
				perWorker[worker] = Arrays.copyOf(lat, count);
			});
			threads[w].start();
		}
		for (Thread t : threads) {
			t.join();
		}
		return Arrays.stream(perWorker).flatMapToLong(Arrays::stream).toArray();
	}

	private static void count(boolean ok, AtomicLong failures) {
		if (!ok) {
			failures.incrementAndGet();
		}
	}

	static double percentile(long[] values, double p) {
		if (values.length == 0) {
			return Double.NaN;
		}
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
