package io.keyaccount.customer;

import java.math.BigDecimal;
import java.util.Set;


/** The descriptive facts of an account, as a form, an import row or an API call supplies them. */
public record AccountFacts(String name, String shortName, String creditCode, String externalId, Industry industry,
		String provinceCode, String cityCode, Integer employees, BigDecimal annualRevenue, OwnershipType ownershipType,
		String website, String address, String phone, AccountSource source, AccountStatus status,
		PurchasingMode purchasingMode, PurchasePattern purchasePattern, Set<String> tags) {
}
