package io.keyaccount.customer.web;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.keyaccount.customer.Attitude;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.customer.ContactDirectory;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;

/** Contacts: the list across visible accounts, the contact page and form, marking a contact as having left. */
@Controller
@RequestMapping("/customers/contacts")
@PreAuthorize("hasAuthority('customer.view')")
class ContactController {

	private final ContactBook contacts;

	private final ContactDirectory directory;

	private final CustomerManagement customers;

	ContactController(ContactBook contacts, ContactDirectory directory, CustomerManagement customers) {
		this.contacts = contacts;
		this.directory = directory;
		this.customers = customers;
	}

	@GetMapping
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) BuyingRole buyingRole,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, HtmxRequest htmx,
			Model model) {
		model.addAttribute("contacts", PageLinks.clamped(
				PageLinks.screen(page, size, sort, dir, Set.of("name", "updatedAt"), Sort.by("name")),
				pageable -> directory.search(keyword, buyingRole, pageable)));
		model.addAttribute("keyword", keyword);
		model.addAttribute("buyingRole", buyingRole);
		model.addAttribute("buyingRoles", BuyingRole.values());
		return htmx.isHtmxRequest() ? "customer/contacts :: results" : "customer/contacts";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Contact contact = contacts.contact(id);
		model.addAttribute("contact", contact);
		model.addAttribute("accountName", customers.accountName(contact.getAccountId()).orElse(""));
		model.addAttribute("colleagues", contacts.of(contact.getAccountId()));
		return "customer/contact";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('customer.edit')")
	String createForm(@RequestParam long accountId, Model model) {
		requireChangeable(accountId);
		return form(model, ContactForm.empty(accountId), null);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('customer.edit')")
	String create(@ModelAttribute("form") ContactForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.accountId() == null) {
			// the form is the account's: without one there is no form to show again
			throw BusinessRuleException.general("contact.accountRequired");
		}
		try {
			contacts.add(form.accountId(), form.toDetails());
			Toasts.success(redirect, "toast.saved", form.name());
			return "redirect:/customers/accounts/" + form.accountId() + "?tab=contacts";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, form, null);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('customer.edit')")
	String editForm(@PathVariable long id, Model model) {
		Contact contact = contacts.contact(id);
		requireChangeable(contact.getAccountId());
		return form(model, ContactForm.of(contact), id);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('customer.edit')")
	String update(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			contacts.update(id, form.toDetails(), form.version() == null ? -1 : form.version());
			Toasts.success(redirect, "toast.saved", form.name());
			return "redirect:/customers/contacts/" + id;
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		catch (ConcurrentEditException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, form, id);
	}

	@PostMapping("/{id}/left")
	@PreAuthorize("hasAuthority('customer.edit')")
	String markLeft(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn,
			RedirectAttributes redirect) {
		contacts.markLeft(id, leftOn);
		Toasts.success(redirect, "contact.markedLeft");
		return "redirect:/customers/contacts/" + id;
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasAuthority('customer.delete')")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		long accountId = contacts.contact(id).getAccountId();
		Toasts.success(redirect, "toast.movedToRecycleBinNamed", contacts.delete(id));
		return "redirect:/customers/accounts/" + accountId + "?tab=contacts";
	}

	/** A form for a change the user may not make is not offered (docs/adr/0014). */
	private void requireChangeable(long accountId) {
		if (!customers.canChange(accountId)) {
			throw new AccessDeniedException("account " + accountId + " is not the current user's to change");
		}
	}

	private String form(Model model, ContactForm form, Long id) {
		// an edited contact's account is the stored one, whatever the form posted
		long accountId = id != null ? contacts.contact(id).getAccountId() : form.accountId();
		model.addAttribute("form", form);
		model.addAttribute("contactId", id);
		model.addAttribute("accountName", customers.accountName(accountId).orElse(""));
		model.addAttribute("colleagues", contacts.of(accountId).stream()
			.filter(c -> id == null || !c.getId().equals(id))
			.toList());
		model.addAttribute("buyingRoles", BuyingRole.values());
		model.addAttribute("attitudes", Attitude.values());
		return "customer/contact-form";
	}

	record ContactForm(Long accountId, String name, String title, String department, String mobile, String phone,
			String email, String wechat, BuyingRole buyingRole, Integer influence, Attitude attitude,
			Integer relationshipStrength, Long reportsToId, String workNotes, String lifeNotes, String interests,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthday, Long version) {

		static ContactForm empty(long accountId) {
			return new ContactForm(accountId, "", "", "", "", "", "", "", null, null, null, null, null, "", "", "", null,
					0L);
		}

		static ContactForm of(Contact c) {
			return new ContactForm(c.getAccountId(), c.getName(), c.getTitle(), c.getDepartment(), c.getMobile(),
					c.getPhone(), c.getEmail(), c.getWechat(), c.getBuyingRole(), c.getInfluence(), c.getAttitude(),
					c.getRelationshipStrength(), c.getReportsToId(), c.getWorkNotes(), c.getLifeNotes(),
					c.getInterests(), c.getBirthday(), c.getVersion());
		}

		ContactDetails toDetails() {
			return new ContactDetails(name, title, department, mobile, phone, email, wechat, buyingRole, influence,
					attitude, relationshipStrength, reportsToId, workNotes, lifeNotes, interests, birthday);
		}

	}

}
