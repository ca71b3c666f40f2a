package io.keyaccount.customer;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;

import io.keyaccount.platform.validation.TotalLength;

/**
 * The descriptive facts of an account, as a form, an import row or an API call supplies them. The limits are the
 * columns' sizes ({@code account} in V2); {@code AccountRules} holds every entry point to them.
 */
public record AccountFacts(@Size(max = 200) String name, @Size(max = 100) String shortName, String creditCode,
		@Size(max = 64) String externalId, Industry industry, String provinceCode, String cityCode, Integer employees,
		@DecimalMax("99999999999999999.99") BigDecimal annualRevenue, OwnershipType ownershipType,
		@Size(max = 200) String website, @Size(max = 300) String address, @Size(max = 30) String phone,
		AccountSource source, AccountStatus status, PurchasingMode purchasingMode, PurchasePattern purchasePattern,
		@TotalLength(max = 500) Set<String> tags) {
}
