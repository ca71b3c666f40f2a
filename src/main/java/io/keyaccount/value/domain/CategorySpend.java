package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import io.keyaccount.customer.Industry;

/**
 * A customer's estimated yearly spend in our category (optical-access equipment and the like) when nobody entered
 * it: a share of its annual revenue that depends on its industry, or, without a revenue figure, a revenue per
 * employee. Rough on purpose: share-of-wallet headroom ranks accounts, it does not forecast them.
 */
public final class CategorySpend {

	private static final double REVENUE_PER_EMPLOYEE = 500_000;

	private static final Map<Industry, Double> SHARE_OF_REVENUE = new EnumMap<>(Industry.class);

	static {
		for (Industry industry : Industry.values()) {
			SHARE_OF_REVENUE.put(industry, 0.0005);
		}
		SHARE_OF_REVENUE.put(Industry.TELECOM, 0.004);
		SHARE_OF_REVENUE.put(Industry.IT, 0.002);
		SHARE_OF_REVENUE.put(Industry.ENERGY, 0.001);
		SHARE_OF_REVENUE.put(Industry.TRANSPORT, 0.001);
		SHARE_OF_REVENUE.put(Industry.GOVERNMENT, 0.001);
		SHARE_OF_REVENUE.put(Industry.EDUCATION, 0.0008);
		SHARE_OF_REVENUE.put(Industry.FINANCE, 0.0008);
	}

	private CategorySpend() {
	}

	public static double estimate(Industry industry, Integer employees, BigDecimal annualRevenue) {
		double share = SHARE_OF_REVENUE.get(industry == null ? Industry.OTHER : industry);
		if (annualRevenue != null && annualRevenue.signum() > 0) {
			return annualRevenue.doubleValue() * share;
		}
		if (employees != null && employees > 0) {
			return employees * REVENUE_PER_EMPLOYEE * share;
		}
		return 0;
	}

}
