package io.keyaccount.customer.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.CustomerExports;
import io.keyaccount.customer.web.AccountController.AccountQueryForm;

/** The 导出 buttons of the account and contact lists: the same filters, scope and order, as .xlsx. */
@Controller
@PreAuthorize("hasAuthority('customer.view') and hasAuthority('customer.export')")
class ExportController {

	private final CustomerExports exports;

	private final Downloads downloads;

	ExportController(CustomerExports exports, Downloads downloads) {
		this.exports = exports;
		this.downloads = downloads;
	}

	@GetMapping("/customers/accounts/export")
	void accounts(@ModelAttribute("query") AccountQueryForm query, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Locale locale, HttpServletResponse response) throws IOException {
		downloads.xlsx(response, locale, "export.accountsFileName");
		exports.writeAccounts(query.toQuery(), order(sort, dir, AccountController.SORTABLE, Sort.by(Sort.Direction.DESC, "updatedAt")),
				response.getOutputStream());
	}

	@GetMapping("/customers/contacts/export")
	void contacts(@RequestParam(required = false) String keyword, @RequestParam(required = false) BuyingRole buyingRole,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Locale locale,
			HttpServletResponse response) throws IOException {
		downloads.xlsx(response, locale, "export.contactsFileName");
		exports.writeContacts(keyword, buyingRole, order(sort, dir, Set.of("name", "updatedAt"), Sort.by("name")),
				response.getOutputStream());
	}

	/** The list's own order, when it is one the list allows. */
	private static Sort order(String sort, String dir, Set<String> sortable, Sort fallback) {
		if (sort == null || !sortable.contains(sort)) {
			return fallback;
		}
		return Sort.by("desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC : Sort.Direction.ASC, sort);
	}

}
