package io.keyaccount.customer.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import io.keyaccount.customer.AccountFacts;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.ChineseIdentifiers;
import io.keyaccount.platform.validation.Limits;

/** The checks an account's facts and a contact's details must pass, with the field to blame. */
@Component
public class AccountRules {

	private final Regions regions;

	AccountRules(Regions regions) {
		this.regions = regions;
	}

	public AccountFacts check(AccountFacts facts) {
		if (facts.name() == null || facts.name().isBlank()) {
			throw new BusinessRuleException("name", "validation.required");
		}
		Limits.check(facts, "account");
		String creditCode = ChineseIdentifiers.optionalCreditCode("creditCode", facts.creditCode());
		String phone = ChineseIdentifiers.optionalPhone("phone", facts.phone());
		String website = ChineseIdentifiers.optionalWebsite("website", facts.website());
		if (facts.provinceCode() != null && !facts.provinceCode().isBlank() && !regions.isProvince(facts.provinceCode())) {
			throw new BusinessRuleException("provinceCode", "account.regionInvalid", facts.provinceCode());
		}
		if (facts.cityCode() != null && !facts.cityCode().isBlank()
				&& !regions.isCityOf(facts.cityCode(), facts.provinceCode())) {
			throw new BusinessRuleException("cityCode", "account.cityInvalid", facts.cityCode());
		}
		if (facts.employees() != null && facts.employees() < 0) {
			throw new BusinessRuleException("employees", "validation.notNegative");
		}
		if (facts.annualRevenue() != null && facts.annualRevenue().compareTo(BigDecimal.ZERO) < 0) {
			throw new BusinessRuleException("annualRevenue", "validation.notNegative");
		}
		return new AccountFacts(facts.name().trim(), facts.shortName(), creditCode, facts.externalId(), facts.industry(),
				facts.provinceCode(), facts.cityCode(), facts.employees(),
				// in cents, as the column keeps it (rounded half up, as both databases round), so that the account in
				// hand shows what reading it back shows
				facts.annualRevenue() == null ? null : facts.annualRevenue().setScale(2, RoundingMode.HALF_UP),
				facts.ownershipType(), website, facts.address(), phone, facts.source(), facts.status(),
				facts.purchasingMode(), facts.purchasePattern(), facts.tags());
	}

	public ContactDetails check(ContactDetails details) {
		if (details.name() == null || details.name().isBlank()) {
			throw new BusinessRuleException("name", "validation.required");
		}
		Limits.check(details, "contact");
		String mobile = ChineseIdentifiers.optionalMobile("mobile", details.mobile());
		String email = ChineseIdentifiers.optionalEmail("email", details.email());
		String phone = ChineseIdentifiers.optionalPhone("phone", details.phone());
		checkScale("influence", details.influence());
		checkScale("relationshipStrength", details.relationshipStrength());
		return new ContactDetails(details.name().trim(), details.title(), details.department(), mobile, phone,
				email, details.wechat(), details.buyingRole(), details.influence(), details.attitude(),
				details.relationshipStrength(), details.reportsToId(), details.workNotes(), details.lifeNotes(),
				details.interests(), details.birthday());
	}

	private static void checkScale(String field, Integer value) {
		if (value != null && (value < 1 || value > 5)) {
			throw new BusinessRuleException(field, "validation.scale", 1, 5);
		}
	}

}
