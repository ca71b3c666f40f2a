package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One scored account in the current snapshot, as lists and the account tab show it. */
public record ScoreRow(long accountId, String name, long ownerUserId, String industry, String provinceCode,
		CompanySize size, int purchases, LocalDate firstPurchase, LocalDate lastPurchase, BigDecimal revenue,
		BigDecimal historical, BigDecimal current, BigDecimal future, BigDecimal potential, Double probabilityAlive,
		Double expectedPurchases, double partHistorical, double partCurrent, double partFuture, double partPotential,
		double score, Tier tier, ResourceClass resourceClass, Quadrant quadrant) {
}
