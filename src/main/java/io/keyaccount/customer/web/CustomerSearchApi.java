package io.keyaccount.customer.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.keyaccount.customer.ContactDirectory.ContactRow;
import io.keyaccount.customer.CustomerSearch;
import io.keyaccount.customer.CustomerSearch.AccountHit;

/** Quick search over JSON: the accounts and contacts the caller may see that best match {@code q}. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('customer.view')")
class CustomerSearchApi {

	private final CustomerSearch search;

	CustomerSearchApi(CustomerSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	SearchResponse search(@RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
		int capped = Math.min(Math.max(limit, 1), 100);
		return new SearchResponse(q, search.accounts(q, capped), search.contacts(q, capped));
	}

	record SearchResponse(String q, List<AccountHit> accounts, List<ContactRow> contacts) {
	}

}
