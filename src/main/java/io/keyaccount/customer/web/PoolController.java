package io.keyaccount.customer.web;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.customer.AccountQuery;
import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.CustomerPool;
import io.keyaccount.customer.PoolSettings;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;

/** The shared pool (公海): browse, claim, release; and its rule, for administrators. */
@Controller
@RequestMapping("/customers")
class PoolController {

	private final CustomerPool pool;

	private final CustomerManagement customers;

	PoolController(CustomerPool pool, CustomerManagement customers) {
		this.pool = pool;
		this.customers = customers;
	}

	@GetMapping("/pool")
	@PreAuthorize("hasAuthority('customer.pool')")
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("accounts", PageLinks.clamped(
				PageLinks.screen(page, size, null, null, java.util.Set.of(), Sort.by(Sort.Direction.DESC, "pooledAt")),
				pageable -> customers.accounts(new AccountQuery(keyword, null, null, null, null, null, null, null,
						View.POOL), pageable)));
		model.addAttribute("keyword", keyword);
		model.addAttribute("settings", pool.settings());
		return "customer/pool";
	}

	@PostMapping("/pool/{id}/claim")
	@PreAuthorize("hasAuthority('customer.pool')")
	String claim(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Toasts.success(redirect, "pool.claimed", pool.claim(id));
			return "redirect:/customers/accounts/" + id;
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
			return "redirect:/customers/pool";
		}
	}

	@PostMapping("/pool/release")
	@PreAuthorize("hasAuthority('customer.pool')")
	String release(@RequestParam List<Long> ids, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			Toasts.success(redirect, "pool.released", pool.release(ids, reason));
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		// back to the list as it was filtered
		return "redirect:" + (back != null && back.startsWith("/customers/") ? back : "/customers/accounts");
	}

	@GetMapping("/settings")
	@PreAuthorize("hasAuthority('customer.settings')")
	String settings(Model model) {
		model.addAttribute("settings", pool.settings());
		return "customer/settings";
	}

	@PostMapping("/settings")
	@PreAuthorize("hasAuthority('customer.settings')")
	String saveSettings(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam int afterDays,
			@RequestParam int warningDays, @RequestParam int dailyClaimLimit, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			pool.changeSettings(new PoolSettings(enabled, afterDays, warningDays, dailyClaimLimit, version));
			Toasts.success(redirect, "pool.settingsSaved");
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		catch (ConcurrentEditException ex) {
			Toasts.failure(redirect, "error.concurrentEdit");
		}
		return "redirect:/customers/settings";
	}

}
