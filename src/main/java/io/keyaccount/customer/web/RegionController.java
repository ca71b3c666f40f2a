package io.keyaccount.customer.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.keyaccount.customer.domain.Regions;

/** The city options of a province, for the account form's cascading select. */
@Controller
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/customers/regions/cities")
	String cities(@RequestParam(required = false) String provinceCode, Model model) {
		model.addAttribute("cities", regions.citiesOf(provinceCode));
		return "customer/fragments :: cityOptions";
	}

}
