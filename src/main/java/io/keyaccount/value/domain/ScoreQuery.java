package io.keyaccount.value.domain;

import java.time.LocalDate;

import io.keyaccount.customer.Industry;

/**
 * Filters of the scored-account lists (dashboard drill-downs, target customers, the matrix).
 *
 * @param topShare only the best this-many percent of the accounts with current margin, by current margin (a point
 * of the 80/20 curve)
 * @param asOf the snapshot of the run current on this date instead of today's (a month of the class trend)
 */
public record ScoreQuery(String keyword, Tier tier, ResourceClass resourceClass, Quadrant quadrant, Industry industry,
		String provinceCode, CompanySize size, Long ownerUserId, Integer topShare, LocalDate asOf) {

	public static ScoreQuery all() {
		return new ScoreQuery(null, null, null, null, null, null, null, null, null, null);
	}

	ScoreQuery withoutTopShare() {
		return new ScoreQuery(keyword, tier, resourceClass, quadrant, industry, provinceCode, size, ownerUserId, null,
				asOf);
	}

}
