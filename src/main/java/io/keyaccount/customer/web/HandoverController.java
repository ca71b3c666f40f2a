package io.keyaccount.customer.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.customer.AccountMerger;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.Toasts;

/** Handing a leaver's accounts to a successor, and merging duplicate accounts. */
@Controller
class HandoverController {

	private final CustomerManagement customers;

	private final AccountMerger merger;

	private final Organisation organisation;

	HandoverController(CustomerManagement customers, AccountMerger merger, Organisation organisation) {
		this.customers = customers;
		this.merger = merger;
		this.organisation = organisation;
	}

	@GetMapping("/customers/handover")
	@PreAuthorize("hasAuthority('customer.transfer')")
	String form(Model model) {
		model.addAttribute("allUsers", customers.staffInScope());
		model.addAttribute("users", customers.assignableOwners());
		return "customer/handover";
	}

	@PostMapping("/customers/handover")
	@PreAuthorize("hasAuthority('customer.transfer')")
	String handOver(@RequestParam long fromUserId, @RequestParam long toUserId, RedirectAttributes redirect) {
		try {
			int count = customers.handOver(fromUserId, toUserId);
			Toasts.success(redirect, "handover.done", count, organisation.user(fromUserId).getDisplayName(),
					organisation.user(toUserId).getDisplayName());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/customers/handover";
	}

	@GetMapping("/customers/accounts/{id}/merge")
	@PreAuthorize("hasAuthority('customer.edit') and hasAuthority('customer.delete')")
	String mergeForm(@PathVariable long id, Model model) {
		model.addAttribute("account", customers.account(id));
		model.addAttribute("candidates", customers.duplicatesOf(id));
		return "customer/merge";
	}

	@PostMapping("/customers/accounts/{id}/merge")
	@PreAuthorize("hasAuthority('customer.edit') and hasAuthority('customer.delete')")
	String merge(@PathVariable long id, @RequestParam long mergedId, RedirectAttributes redirect) {
		try {
			String mergedName = customers.account(mergedId).facts().name();
			merger.merge(id, mergedId);
			Toasts.success(redirect, "account.merged", mergedName);
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/customers/accounts/" + id;
	}

}
