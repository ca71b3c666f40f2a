package io.keyaccount.value.domain;

import io.keyaccount.customer.Industry;

/** Filters of the scored-account lists (dashboard drill-downs, target customers, the matrix). */
public record ScoreQuery(String keyword, Tier tier, ResourceClass resourceClass, Quadrant quadrant, Industry industry,
		String provinceCode, CompanySize size, Long ownerUserId) {

	public static ScoreQuery all() {
		return new ScoreQuery(null, null, null, null, null, null, null, null);
	}

}
