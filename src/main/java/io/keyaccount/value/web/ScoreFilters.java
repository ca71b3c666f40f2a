package io.keyaccount.value.web;

import io.keyaccount.customer.Industry;
import io.keyaccount.value.domain.CompanySize;
import io.keyaccount.value.domain.Quadrant;
import io.keyaccount.value.domain.ResourceClass;
import io.keyaccount.value.domain.ScoreQuery;
import io.keyaccount.value.domain.Tier;

/** Query-string form of {@link ScoreQuery}. */
record ScoreFilters(String keyword, Tier tier, ResourceClass resourceClass, Quadrant quadrant, Industry industry,
		String provinceCode, CompanySize size, Long ownerUserId) {

	ScoreQuery toQuery() {
		return new ScoreQuery(keyword, tier, resourceClass, quadrant, industry, provinceCode, size, ownerUserId);
	}

}
