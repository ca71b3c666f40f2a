package io.keyaccount.value.lifetime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Purchase lines collected into primitive columns and condensed into one {@link CustomerSummary} per
 * customer. Ten million lines take about 160 MB here; boxing them as objects would take several times that.
 */
public final class PurchaseHistory {

	private static final double DAYS_PER_WEEK = 7.0;

	private final Map<String, Integer> customerIndex = new HashMap<>();

	private final List<String> customerIds = new ArrayList<>();

	private int[] customers = new int[1024];

	private int[] days = new int[1024];

	private double[] amounts = new double[1024];

	private int size;

	private int lastDay = Integer.MIN_VALUE;

	public static PurchaseHistory of(Collection<Purchase> purchases) {
		var history = new PurchaseHistory();
		purchases.forEach(history::add);
		return history;
	}

	public void add(Purchase purchase) {
		add(purchase.customerId(), purchase.date(), purchase.amount());
	}

	public void add(String customerId, LocalDate date, double amount) {
		if (!Double.isFinite(amount)) {
			throw new IllegalArgumentException("amount must be finite, was " + amount);
		}
		if (size == days.length) {
			grow();
		}
		int day = Math.toIntExact(date.toEpochDay());
		customers[size] = customerIndex.computeIfAbsent(customerId, this::newCustomer);
		days[size] = day;
		amounts[size] = amount;
		size++;
		lastDay = Math.max(lastDay, day);
	}

	/** Number of purchase lines added, before same-day lines are merged. */
	public int purchaseCount() {
		return size;
	}

	public Optional<LocalDate> lastPurchaseDate() {
		return size == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(lastDay));
	}

	/**
	 * Summarises the purchases made on or before {@code calibrationEnd}. Customers whose first purchase
	 * comes later are left out, since their age T would be negative.
	 */
	public CustomerSummaries summarise(LocalDate calibrationEnd) {
		int endDay = Math.toIntExact(calibrationEnd.toEpochDay());
		int[] start = purchaseOffsetsPerCustomer(endDay);
		var grouped = groupByCustomer(endDay, start);
		return summariseGroups(grouped, start, endDay);
	}

	private Integer newCustomer(String customerId) {
		customerIds.add(customerId);
		return customerIds.size() - 1;
	}

	private void grow() {
		int capacity = days.length * 2;
		customers = Arrays.copyOf(customers, capacity);
		days = Arrays.copyOf(days, capacity);
		amounts = Arrays.copyOf(amounts, capacity);
	}

	/** start[c]..start[c+1] will hold customer c's counted purchases (a counting sort). */
	private int[] purchaseOffsetsPerCustomer(int endDay) {
		int[] start = new int[customerIds.size() + 1];
		for (int i = 0; i < size; i++) {
			if (days[i] <= endDay) {
				start[customers[i] + 1]++;
			}
		}
		for (int c = 0; c < customerIds.size(); c++) {
			start[c + 1] += start[c];
		}
		return start;
	}

	private Grouped groupByCustomer(int endDay, int[] start) {
		int counted = start[customerIds.size()];
		var grouped = new Grouped(new int[counted], new double[counted]);
		int[] next = Arrays.copyOf(start, customerIds.size());
		for (int i = 0; i < size; i++) {
			if (days[i] <= endDay) {
				int slot = next[customers[i]]++;
				grouped.days[slot] = days[i];
				grouped.amounts[slot] = amounts[i];
			}
		}
		return grouped;
	}

	private CustomerSummaries summariseGroups(Grouped grouped, int[] start, int endDay) {
		int customerCount = 0;
		for (int c = 0; c < customerIds.size(); c++) {
			if (start[c + 1] > start[c]) {
				customerCount++;
			}
		}
		var columns = new Columns(customerCount);
		for (int c = 0; c < customerIds.size(); c++) {
			if (start[c + 1] > start[c]) {
				grouped.sortByDay(start[c], start[c + 1]);
				columns.add(customerIds.get(c), grouped, start[c], start[c + 1], endDay);
			}
		}
		return columns.toSummaries();
	}

	private record Grouped(int[] days, double[] amounts) {

		/** Input is usually in date order already, so check before paying for a sort. */
		void sortByDay(int from, int to) {
			if (isSorted(from, to)) {
				return;
			}
			long[] keyed = new long[to - from];
			for (int i = from; i < to; i++) {
				keyed[i - from] = ((long) days[i] << 32) | (i - from);
			}
			Arrays.sort(keyed);
			double[] originalAmounts = Arrays.copyOfRange(amounts, from, to);
			for (int k = 0; k < keyed.length; k++) {
				days[from + k] = (int) (keyed[k] >> 32);
				amounts[from + k] = originalAmounts[(int) keyed[k]];
			}
		}

		private boolean isSorted(int from, int to) {
			for (int i = from + 1; i < to; i++) {
				if (days[i] < days[i - 1]) {
					return false;
				}
			}
			return true;
		}

	}

	private static final class Columns {

		private final String[] ids;

		private final int[] repeatTransactions;

		private final double[] recencyWeeks;

		private final double[] ageWeeks;

		private final double[] meanRepeatValues;

		private int next;

		Columns(int customers) {
			ids = new String[customers];
			repeatTransactions = new int[customers];
			recencyWeeks = new double[customers];
			ageWeeks = new double[customers];
			meanRepeatValues = new double[customers];
		}

		/** Adds one customer from a day-sorted slice; same-day lines are one transaction. */
		void add(String customerId, Grouped grouped, int from, int to, int endDay) {
			int firstDay = grouped.days[from];
			int lastDay = firstDay;
			int repeats = 0;
			double repeatAmount = 0;
			for (int i = from + 1; i < to; i++) {
				int day = grouped.days[i];
				if (day != firstDay) {
					repeatAmount += grouped.amounts[i];
					if (day != lastDay) {
						repeats++;
						lastDay = day;
					}
				}
			}
			ids[next] = customerId;
			repeatTransactions[next] = repeats;
			recencyWeeks[next] = (lastDay - firstDay) / DAYS_PER_WEEK;
			ageWeeks[next] = (endDay - firstDay) / DAYS_PER_WEEK;
			meanRepeatValues[next] = repeats == 0 ? 0 : repeatAmount / repeats;
			next++;
		}

		CustomerSummaries toSummaries() {
			return new CustomerSummaries(ids, repeatTransactions, recencyWeeks, ageWeeks, meanRepeatValues);
		}

	}

}
