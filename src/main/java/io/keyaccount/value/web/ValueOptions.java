package io.keyaccount.value.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.customer.Industry;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.value.domain.ChangeKind;
import io.keyaccount.value.domain.CompanySize;
import io.keyaccount.value.domain.Quadrant;
import io.keyaccount.value.domain.ResourceClass;
import io.keyaccount.value.domain.SegmentDimension;
import io.keyaccount.value.domain.Tier;

/** The choices filter bars offer, and names for ids and codes. */
@Component("valueOptions")
class ValueOptions {

	private final AccountDirectory accounts;

	private final Organisation organisation;

	ValueOptions(AccountDirectory accounts, Organisation organisation) {
		this.accounts = accounts;
		this.organisation = organisation;
	}

	void addTo(Model model) {
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("classes", ResourceClass.values());
		model.addAttribute("quadrants", Quadrant.values());
		model.addAttribute("industries", Industry.values());
		model.addAttribute("sizes", CompanySize.values());
		model.addAttribute("dimensions", SegmentDimension.values());
		model.addAttribute("changeKinds", ChangeKind.values());
		model.addAttribute("provinces", accounts.provinces());
		model.addAttribute("users", organisation.activeUsers());
		model.addAttribute("userNames", organisation.userNames());
	}

	/** Names of the given users (disabled ones too), for lists and exports. */
	java.util.Map<Long, String> userNames(java.util.Collection<Long> ids) {
		return organisation.userNames(ids);
	}

	/** For templates: a province's name. */
	public String region(String code) {
		return accounts.regionName(code);
	}

}
