package io.keyaccount.value.domain;

import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * A company's value model: the weights of the four parts of the score, how margins, the current window and the
 * future horizon are counted, the tier cut-offs and the thresholds of the resource classes.
 *
 * @param defaultMarginRate margin rate for ledger rows without a margin, e.g. 0.35
 * @param currentWindowMonths 当前价值 counts the margin of this many trailing months
 * @param horizonMonths 未来价值 counts the expected margin of this many months ahead
 * @param discountRate yearly discount of future margin, e.g. 0.10
 * @param loyalMinAlive a loyal customer's P(alive) is at least this
 * @param loyalRecentQuarters ... and it bought in at least this many of the last four quarters
 * @param riskBelowAlive at risk below this P(alive) (repeat customers), or after {@code riskAfterDays} without a purchase
 * @param lostBelowAlive lost below this P(alive), or after {@code lostAfterDays} without a purchase
 */
public record ValueSettings(int weightHistorical, int weightCurrent, int weightFuture, int weightPotential,
		double defaultMarginRate, int currentWindowMonths, int horizonMonths, double discountRate, int tierAMin,
		int tierBMin, int tierCMin, double loyalMinAlive, int loyalRecentQuarters, double riskBelowAlive,
		double lostBelowAlive, int riskAfterDays, int lostAfterDays) {

	/**
	 * Defaults: current and future value weigh most, so an old customer is not judged on past sales alone (seed
	 * 004); cut-offs put roughly the top fifth of buying accounts in A (seed 003's 80/20).
	 */
	public static ValueSettings defaults() {
		return new ValueSettings(20, 30, 30, 20, 0.35, 12, 36, 0.10, 70, 50, 30, 0.7, 3, 0.5, 0.2, 365, 730);
	}

	public int weightTotal() {
		return weightHistorical + weightCurrent + weightFuture + weightPotential;
	}

	/** Refuses settings the model cannot work with; the message keys name the field at fault. */
	public ValueSettings checked() {
		for (int weight : new int[] { weightHistorical, weightCurrent, weightFuture, weightPotential }) {
			if (weight < 0 || weight > 100) {
				throw new BusinessRuleException("weightHistorical", "value.settings.weightRange");
			}
		}
		// the weights are shares of the score: a total other than 100 would be saved meaning something else
		if (weightTotal() != 100) {
			throw new BusinessRuleException("weightHistorical", "value.settings.weightsSum", weightTotal());
		}
		if (!(defaultMarginRate >= 0 && defaultMarginRate <= 1)) {
			throw new BusinessRuleException("defaultMarginRate", "value.settings.rateRange");
		}
		if (!(discountRate >= 0 && discountRate <= 1)) {
			throw new BusinessRuleException("discountRate", "value.settings.rateRange");
		}
		if (currentWindowMonths < 1 || currentWindowMonths > 60 || horizonMonths < 1 || horizonMonths > 120) {
			throw new BusinessRuleException("horizonMonths", "value.settings.monthsRange");
		}
		if (!(tierAMin > tierBMin && tierBMin > tierCMin && tierCMin > 0 && tierAMin <= 100)) {
			throw new BusinessRuleException("tierAMin", "value.settings.tierOrder");
		}
		for (double p : new double[] { loyalMinAlive, riskBelowAlive, lostBelowAlive }) {
			if (!(p >= 0 && p <= 1)) {
				throw new BusinessRuleException("loyalMinAlive", "value.settings.rateRange");
			}
		}
		if (lostBelowAlive > riskBelowAlive || lostAfterDays < riskAfterDays || riskAfterDays < 1
				|| loyalRecentQuarters < 1 || loyalRecentQuarters > 4) {
			throw new BusinessRuleException("riskAfterDays", "value.settings.thresholdOrder");
		}
		return this;
	}

	public Tier tierOf(double score) {
		if (score >= tierAMin) {
			return Tier.A;
		}
		if (score >= tierBMin) {
			return Tier.B;
		}
		return score >= tierCMin ? Tier.C : Tier.D;
	}

}
