package io.keyaccount.customer.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.customer.FollowUpLog;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;
import io.keyaccount.platform.web.Toasts;

/**
 * Its author corrects or deletes a follow-up he wrote, within the edit window ({@link FollowUpLog}). Correcting a
 * follow-up needs the right to log one ({@code customer.edit}, docs/adr/0014): a user whose role has become read-only
 * no longer changes what he wrote.
 */
@Controller
@RequestMapping("/customers/accounts/{accountId}/follow-ups/{id}")
@PreAuthorize("hasAuthority('customer.view')")
class FollowUpController {

	private final FollowUpLog followUps;

	private final ContactBook contacts;

	private final Organisation organisation;

	FollowUpController(FollowUpLog followUps, ContactBook contacts, Organisation organisation) {
		this.followUps = followUps;
		this.contacts = contacts;
		this.organisation = organisation;
	}

	@GetMapping("/edit")
	@PreAuthorize("hasAuthority('customer.edit')")
	String editForm(@PathVariable long accountId, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			return form(model, accountId, id, FollowUpForm.of(followUps.followUp(accountId, id)));
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
			return back(accountId);
		}
	}

	@PostMapping
	@PreAuthorize("hasAuthority('customer.edit')")
	String revise(@PathVariable long accountId, @PathVariable long id, @ModelAttribute("form") FollowUpForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			followUps.revise(accountId, id, form.toCommand(), form.version() == null ? -1 : form.version());
			Toasts.success(redirect, "followUp.saved");
			return back(accountId);
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		catch (ConcurrentEditException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, accountId, id, form);
	}

	@PostMapping("/delete")
	@PreAuthorize("hasAuthority('customer.edit')")
	String delete(@PathVariable long accountId, @PathVariable long id, RedirectAttributes redirect) {
		try {
			Toasts.success(redirect, "followUp.deleted", followUps.delete(accountId, id));
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return back(accountId);
	}

	private String form(Model model, long accountId, long id, FollowUpForm form) {
		model.addAttribute("form", form);
		model.addAttribute("accountId", accountId);
		model.addAttribute("followUpId", id);
		model.addAttribute("contacts", contacts.of(accountId));
		model.addAttribute("users", organisation.activeUsers());
		model.addAttribute("followUpKinds", FollowUpKind.values());
		return "customer/follow-up-form";
	}

	private static String back(long accountId) {
		return "redirect:/customers/accounts/" + accountId + "?tab=followups";
	}

}
