package io.keyaccount.customer.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
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
import io.keyaccount.customer.AccountQuery;
import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.AccountSource;
import io.keyaccount.customer.AccountStatus;
import io.keyaccount.customer.AccountTab;
import io.keyaccount.customer.AccountView;
import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.customer.DuplicateAccountsException;
import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.customer.FollowUpLog;
import io.keyaccount.customer.Industry;
import io.keyaccount.customer.OwnershipType;
import io.keyaccount.customer.PurchasePattern;
import io.keyaccount.customer.PurchasingMode;
import io.keyaccount.customer.TeamRole;
import io.keyaccount.customer.domain.Regions;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;

/** The account list, the account form and the account 360° page with its tabs. */
@Controller
@RequestMapping("/customers/accounts")
@PreAuthorize("hasAuthority('customer.view')")
class AccountController {

	static final Set<String> SORTABLE = Set.of("name", "createdAt", "lastFollowUpAt", "nextFollowUpOn", "status");

	private final CustomerManagement customers;

	private final ContactBook contacts;

	private final FollowUpLog followUps;

	private final Organisation organisation;

	private final Regions regions;

	private final CurrentUser currentUser;

	private final List<AccountTab> tabs;

	AccountController(CustomerManagement customers, ContactBook contacts, FollowUpLog followUps,
			Organisation organisation, Regions regions, CurrentUser currentUser, List<AccountTab> tabs) {
		this.customers = customers;
		this.contacts = contacts;
		this.followUps = followUps;
		this.organisation = organisation;
		this.regions = regions;
		this.currentUser = currentUser;
		this.tabs = tabs.stream().sorted(Comparator.comparingInt(AccountTab::order)).toList();
	}

	@GetMapping
	String list(@ModelAttribute("query") AccountQueryForm query, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HtmxRequest htmx, Model model) {
		model.addAttribute("accounts", PageLinks.clamped(PageLinks.screen(page, size, sort, dir, SORTABLE,
				Sort.by(Sort.Direction.DESC, "updatedAt")), pageable -> customers.accounts(query.toQuery(), pageable)));
		listOptions(model);
		return htmx.isHtmxRequest() ? "customer/accounts :: results" : "customer/accounts";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('customer.edit')")
	String createForm(@RequestParam(required = false) Long parentId, Model model) {
		return form(model, AccountForm.empty(parentId), null);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('customer.edit')")
	String create(@ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			long id = customers.create(form.toFacts(), form.ownerUserId(), form.parentId(),
					Boolean.TRUE.equals(form.duplicatesConfirmed()));
			Toasts.success(redirect, "toast.saved", form.name());
			return "redirect:/customers/accounts/" + id;
		}
		catch (DuplicateAccountsException ex) {
			model.addAttribute("duplicates", ex.candidates());
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, form, null);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('customer.edit')")
	String editForm(@PathVariable long id, Model model) {
		if (!customers.canChange(id)) {
			throw new AccessDeniedException("account " + id + " is not the current user's to change");
		}
		return form(model, AccountForm.of(customers.account(id)), id);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('customer.edit')")
	String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			customers.update(id, form.toFacts(), form.parentId(), form.version() == null ? -1 : form.version());
			Toasts.success(redirect, "toast.saved", form.name());
			return "redirect:/customers/accounts/" + id;
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		catch (ConcurrentEditException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, form, id);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "overview") String tab, Model model) {
		AccountView account = customers.account(id);
		model.addAttribute("account", account);
		model.addAttribute("rights", customers.rightsOver(account));
		model.addAttribute("tab", tab);
		model.addAttribute("contacts", contacts.of(id));
		model.addAttribute("orgChart", "contacts".equals(tab) ? contacts.orgChart(id) : List.of());
		model.addAttribute("timeline", followUps.timeline(id, "followups".equals(tab) ? 200 : 5));
		model.addAttribute("team", customers.team(id));
		model.addAttribute("transfers", "team".equals(tab) ? customers.ownershipHistory(id) : List.of());
		model.addAttribute("extraTabs", tabs.stream()
			.filter(t -> t.permission() == null || currentUser.require().can(t.permission()))
			.toList());
		model.addAttribute("users", organisation.activeUsers());
		model.addAttribute("userNames", organisation.userNames());
		model.addAttribute("followUpKinds", FollowUpKind.values());
		model.addAttribute("teamRoles", TeamRole.values());
		return "customer/account";
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasAuthority('customer.delete')")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Toasts.success(redirect, "toast.movedToRecycleBinNamed", customers.delete(id));
			return "redirect:/customers/accounts";
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
			return "redirect:/customers/accounts/" + id;
		}
	}

	@PostMapping("/transfer")
	@PreAuthorize("hasAuthority('customer.transfer')")
	String transfer(@RequestParam List<Long> ids, @RequestParam long toUserId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			int count = customers.transfer(ids, toUserId, reason);
			Toasts.success(redirect, "account.transferred", count, organisation.user(toUserId).getDisplayName());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:" + (back != null && back.startsWith("/customers/") ? back : "/customers/accounts");
	}

	@PostMapping("/{id}/key-account")
	@PreAuthorize("hasAuthority('customer.edit')")
	String keyAccount(@PathVariable long id, @RequestParam boolean keyAccount, RedirectAttributes redirect) {
		customers.designateKeyAccount(id, keyAccount);
		Toasts.success(redirect, keyAccount ? "account.markedKey" : "account.unmarkedKey");
		return "redirect:/customers/accounts/" + id;
	}

	@PostMapping("/{id}/team")
	@PreAuthorize("hasAuthority('customer.edit')")
	String addTeamMember(@PathVariable long id, @RequestParam long userId, @RequestParam TeamRole role,
			RedirectAttributes redirect) {
		try {
			customers.addTeamMember(id, userId, role);
			Toasts.success(redirect, "toast.saved", organisation.user(userId).getDisplayName());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/customers/accounts/" + id + "?tab=team";
	}

	@PostMapping("/{id}/team/{memberId}/delete")
	@PreAuthorize("hasAuthority('customer.edit')")
	String removeTeamMember(@PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
		customers.removeTeamMember(id, memberId);
		Toasts.success(redirect, "account.teamMemberRemoved");
		return "redirect:/customers/accounts/" + id + "?tab=team";
	}

	@PostMapping("/{id}/follow-ups")
	@PreAuthorize("hasAuthority('customer.edit')")
	String logFollowUp(@PathVariable long id, @ModelAttribute FollowUpForm form, RedirectAttributes redirect) {
		try {
			followUps.log(id, form.toCommand());
			Toasts.success(redirect, "followUp.logged");
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
			redirect.addFlashAttribute("followUpForm", form);
		}
		return "redirect:/customers/accounts/" + id + "?tab=followups";
	}

	private void listOptions(Model model) {
		model.addAttribute("statuses", AccountStatus.values());
		model.addAttribute("industries", Industry.values());
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("views", View.values());
		model.addAttribute("users", organisation.activeUsers());
		model.addAttribute("units", organisation.unitTree());
	}

	private String form(Model model, AccountForm form, Long id) {
		model.addAttribute("form", form);
		model.addAttribute("accountId", id);
		model.addAttribute("statuses", AccountStatus.values());
		model.addAttribute("industries", Industry.values());
		model.addAttribute("ownershipTypes", OwnershipType.values());
		model.addAttribute("sources", AccountSource.values());
		model.addAttribute("purchasingModes", PurchasingMode.values());
		model.addAttribute("purchasePatterns", PurchasePattern.values());
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("cities", regions.citiesOf(form.provinceCode()));
		model.addAttribute("users", customers.assignableOwners());
		return "customer/account-form";
	}

	/** Query-string form of {@link AccountQuery}. */
	record AccountQueryForm(String keyword, AccountStatus status, Industry industry, String provinceCode,
			Long ownerUserId, Long ownerUnitId, String tag, Boolean keyAccount, View view) {

		AccountQuery toQuery() {
			return new AccountQuery(keyword, status, industry, provinceCode, ownerUserId, ownerUnitId, tag, keyAccount,
					view == null ? View.ALL : view);
		}

	}

}
