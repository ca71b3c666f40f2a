package io.keyaccount.value.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import io.keyaccount.customer.Industry;
import io.keyaccount.value.domain.CompanySize;
import io.keyaccount.value.domain.Quadrant;
import io.keyaccount.value.domain.ResourceClass;
import io.keyaccount.value.domain.ScoreQuery;
import io.keyaccount.value.domain.Tier;

/**
 * Query-string form of {@link ScoreQuery}. The company-size filter is {@code companySize}: {@code size} is the
 * page size on every list.
 */
record ScoreFilters(String keyword, Tier tier, ResourceClass resourceClass, Quadrant quadrant, Industry industry,
		String provinceCode, CompanySize companySize, Long ownerUserId, Integer topShare,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {

	ScoreQuery toQuery() {
		return new ScoreQuery(keyword, tier, resourceClass, quadrant, industry, provinceCode, companySize, ownerUserId,
				topShare, asOf);
	}

	/** A company-size band given as {@code size}, as links made before the filter had its own name did. */
	static CompanySize legacySize(String size) {
		if (size == null) {
			return null;
		}
		for (CompanySize band : CompanySize.values()) {
			if (band.name().equals(size)) {
				return band;
			}
		}
		return null;
	}

}
