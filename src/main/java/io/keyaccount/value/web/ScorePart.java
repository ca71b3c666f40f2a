package io.keyaccount.value.web;

import java.math.BigDecimal;
import java.util.List;

import io.keyaccount.value.domain.Run;
import io.keyaccount.value.domain.ScoreRow;

/**
 * One part of a score's explanation: the part's money value, its 0-100 part score (the share of buying accounts
 * it beats) and the points it contributed with the weight of the run that scored it.
 */
record ScorePart(String key, BigDecimal money, double partScore, int weight, double contribution) {

	static List<ScorePart> of(ScoreRow row, Run run) {
		double total = Math.max(1, run.weightTotal());
		return List.of(part("historical", row.historical(), row.partHistorical(), run.weightHistorical(), total),
				part("current", row.current(), row.partCurrent(), run.weightCurrent(), total),
				part("future", row.future(), row.partFuture(), run.weightFuture(), total),
				part("potential", row.potential(), row.partPotential(), run.weightPotential(), total));
	}

	private static ScorePart part(String key, BigDecimal money, double partScore, int weight, double total) {
		return new ScorePart(key, money, Math.round(partScore * 10) / 10.0, weight,
				Math.round(partScore * weight / total * 10) / 10.0);
	}

	/** The bar's width: the contribution as a share of the most any part could give, 0-100. */
	public double barPercent() {
		return partScore;
	}

}
