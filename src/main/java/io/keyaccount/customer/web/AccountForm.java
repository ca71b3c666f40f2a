package io.keyaccount.customer.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.keyaccount.customer.AccountFacts;
import io.keyaccount.customer.AccountSource;
import io.keyaccount.customer.AccountStatus;
import io.keyaccount.customer.AccountView;
import io.keyaccount.customer.Industry;
import io.keyaccount.customer.OwnershipType;
import io.keyaccount.customer.PurchasePattern;
import io.keyaccount.customer.PurchasingMode;

/** The account form as the browser posts it. */
record AccountForm(String name, String shortName, String creditCode, Industry industry, String provinceCode,
		String cityCode, Integer employees, BigDecimal annualRevenue, OwnershipType ownershipType, String website,
		String address, String phone, AccountSource source, AccountStatus status, PurchasingMode purchasingMode,
		PurchasePattern purchasePattern, String tags, Long parentId, Long ownerUserId, Long version,
		Boolean duplicatesConfirmed) {

	static AccountForm empty(Long parentId) {
		return new AccountForm("", "", "", null, "", "", null, null, null, "", "", "", null, AccountStatus.POTENTIAL,
				null, null, "", parentId, null, 0L, false);
	}

	static AccountForm of(AccountView view) {
		AccountFacts f = view.facts();
		return new AccountForm(f.name(), f.shortName(), f.creditCode(), f.industry(), f.provinceCode(), f.cityCode(),
				f.employees(), f.annualRevenue(), f.ownershipType(), f.website(), f.address(), f.phone(), f.source(),
				f.status(), f.purchasingMode(), f.purchasePattern(), String.join(",", f.tags()), view.parentId(),
				view.ownerUserId(), view.version(), false);
	}

	AccountFacts toFacts() {
		return new AccountFacts(name, shortName, creditCode, null, industry, blankToNull(provinceCode),
				blankToNull(cityCode), employees, annualRevenue, ownershipType, website, address, phone, source, status,
				purchasingMode, purchasePattern, tagSet(tags));
	}

	static Set<String> tagSet(String tags) {
		if (tags == null || tags.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(tags.split("[,，;；\\s]+"))
			.map(String::trim)
			.filter(t -> !t.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
