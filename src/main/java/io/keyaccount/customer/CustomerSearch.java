package io.keyaccount.customer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.ContactDirectory.ContactRow;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountVisibility;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.search.CustomerIndex;
import io.keyaccount.customer.search.SearchTerms;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.VisibleRecords;

/**
 * Quick search across customers for the top bar and the API: the best matching accounts (the user's, by data
 * scope or account team, and the shared pool's) and contacts. The account list and the contact list search
 * through {@link CustomerManagement#accounts} and {@link ContactDirectory#search}, on the same index.
 */
@Service
@Transactional(readOnly = true)
public class CustomerSearch {

	private final CustomerIndex index;

	private final Accounts accounts;

	private final ContactDirectory contacts;

	private final CurrentUser currentUser;

	private final OwnerNames ownerNames;

	CustomerSearch(CustomerIndex index, Accounts accounts, ContactDirectory contacts, CurrentUser currentUser,
			OwnerNames ownerNames) {
		this.index = index;
		this.accounts = accounts;
		this.contacts = contacts;
		this.currentUser = currentUser;
		this.ownerNames = ownerNames;
	}

	/** Accounts best matching the keyword, at most {@code limit}; the database confirms each one is visible. */
	public List<AccountHit> accounts(String keyword, int limit) {
		VisibleRecords visible = currentUser.visibleRecords();
		List<Long> ids = index.topAccounts(keyword, visible, limit);
		if (ids.isEmpty()) {
			return List.of();
		}
		Specification<Account> seen = AccountVisibility.visibleTo(visible)
			.or((root, q, cb) -> cb.isTrue(root.get("inPool")));
		Map<Long, Account> found = accounts.findAll(seen.and((root, q, cb) -> root.get("id").in(ids)))
			.stream()
			.collect(Collectors.toMap(Account::getId, Function.identity()));
		Map<Long, String> userNames = ownerNames.owners(found.values());
		return ids.stream()
			.map(found::get)
			.filter(Objects::nonNull)
			.map(a -> new AccountHit(a.getId(), a.getName(), a.getShortName(), a.getStatus(),
					a.isInPool() ? null : userNames.get(a.getOwnerUserId()), a.isInPool()))
			.toList();
	}

	/** Contacts best matching the keyword on accounts in the user's list, at most {@code limit}. */
	public List<ContactRow> contacts(String keyword, int limit) {
		if (SearchTerms.parse(keyword).isEmpty()) {
			return List.of();
		}
		return contacts.search(keyword, null, PageRequest.of(0, limit)).getContent();
	}

	public record AccountHit(long id, String name, String shortName, AccountStatus status, String ownerName,
			boolean inPool) {
	}

}
