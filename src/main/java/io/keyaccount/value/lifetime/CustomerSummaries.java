package io.keyaccount.value.lifetime;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Customer summaries held column by column, so that a million customers cost a few primitive
 * arrays instead of a million objects. The model fits read the columns directly.
 */
public final class CustomerSummaries {

	private final String[] customerIds;

	private final int[] repeatTransactions;

	private final double[] recencyWeeks;

	private final double[] ageWeeks;

	private final double[] meanRepeatValues;

	CustomerSummaries(String[] customerIds, int[] repeatTransactions, double[] recencyWeeks, double[] ageWeeks,
			double[] meanRepeatValues) {
		this.customerIds = customerIds;
		this.repeatTransactions = repeatTransactions;
		this.recencyWeeks = recencyWeeks;
		this.ageWeeks = ageWeeks;
		this.meanRepeatValues = meanRepeatValues;
	}

	public static CustomerSummaries of(Collection<CustomerSummary> summaries) {
		int n = summaries.size();
		var ids = new String[n];
		var x = new int[n];
		var tx = new double[n];
		var age = new double[n];
		var mean = new double[n];
		int i = 0;
		for (CustomerSummary summary : summaries) {
			ids[i] = summary.customerId();
			x[i] = summary.repeatTransactions();
			tx[i] = summary.recencyWeeks();
			age[i] = summary.ageWeeks();
			mean[i] = summary.meanRepeatValue();
			i++;
		}
		return new CustomerSummaries(ids, x, tx, age, mean);
	}

	/**
	 * Summaries from columns already computed elsewhere (a database aggregate), without identifiers; the arrays
	 * are used as given, not copied.
	 */
	public static CustomerSummaries ofColumns(int[] repeatTransactions, double[] recencyWeeks, double[] ageWeeks,
			double[] meanRepeatValues) {
		int n = repeatTransactions.length;
		if (recencyWeeks.length != n || ageWeeks.length != n || meanRepeatValues.length != n) {
			throw new IllegalArgumentException("columns differ in length");
		}
		var ids = new String[n];
		Arrays.fill(ids, "");
		return new CustomerSummaries(ids, repeatTransactions, recencyWeeks, ageWeeks, meanRepeatValues);
	}

	public int size() {
		return customerIds.length;
	}

	/** Transactions counted, first ones included: the sum of (x + 1). */
	public long transactionCount() {
		long count = size();
		for (int x : repeatTransactions) {
			count += x;
		}
		return count;
	}

	public CustomerSummary get(int index) {
		return new CustomerSummary(customerIds[index], repeatTransactions[index], recencyWeeks[index],
				ageWeeks[index], meanRepeatValues[index]);
	}

	/** A read-only view that creates each {@link CustomerSummary} on access. */
	public List<CustomerSummary> asList() {
		return new AbstractList<>() {
			@Override
			public CustomerSummary get(int index) {
				return CustomerSummaries.this.get(index);
			}

			@Override
			public int size() {
				return CustomerSummaries.this.size();
			}
		};
	}

	public String customerId(int index) {
		return customerIds[index];
	}

	public int repeatTransactions(int index) {
		return repeatTransactions[index];
	}

	public double recencyWeeks(int index) {
		return recencyWeeks[index];
	}

	public double ageWeeks(int index) {
		return ageWeeks[index];
	}

	public double meanRepeatValue(int index) {
		return meanRepeatValues[index];
	}

}
