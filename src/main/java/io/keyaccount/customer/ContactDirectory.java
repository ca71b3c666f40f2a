package io.keyaccount.customer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.customer.search.CustomerIndex;
import io.keyaccount.customer.search.CustomerIndex.IdPage;
import io.keyaccount.customer.search.SearchTerms;
import io.keyaccount.platform.persistence.BoundedPages;
import io.keyaccount.platform.security.CurrentUser;

/**
 * The contact list: contacts of every account the current user can see, filtered and paged in the database; a
 * keyword search is answered by the search index and the page it finds is checked again in the database.
 */
@Service
@Transactional(readOnly = true)
public class ContactDirectory {

	private final Contacts contacts;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final CustomerIndex index;

	private final CurrentUser currentUser;

	private final BoundedPages pages;

	ContactDirectory(Contacts contacts, Accounts accounts, CustomerManagement customers, CustomerIndex index,
			CurrentUser currentUser, BoundedPages pages) {
		this.contacts = contacts;
		this.accounts = accounts;
		this.customers = customers;
		this.index = index;
		this.currentUser = currentUser;
		this.pages = pages;
	}

	static final int EXPORT_KEYWORD_LIMIT = 10_000;

	public Page<ContactRow> search(String keyword, BuyingRole buyingRole, Pageable pageable) {
		Specification<Contact> spec = visible();
		if (buyingRole != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("buyingRole"), buyingRole));
		}
		if (SearchTerms.parse(keyword).isEmpty()) {
			return rows(pages.find(contacts, Contact.class, spec, byPinyin(pageable)));
		}
		IdPage hits = index.contacts(keyword, buyingRole, currentUser.visibleRecords(), pageable);
		if (hits.ids().isEmpty()) {
			return new PageImpl<>(List.of(), pageable, hits.total());
		}
		Map<Long, Contact> found = contacts.findAll(spec.and((root, q, cb) -> root.get("id").in(hits.ids())))
			.stream()
			.collect(Collectors.toMap(Contact::getId, Function.identity()));
		List<Contact> page = hits.ids().stream().map(found::get).filter(Objects::nonNull).toList();
		return rows(new PageImpl<>(page, pageable, hits.total() - (hits.ids().size() - page.size())));
	}

	/**
	 * The specification behind the contact list, for the export: what the list shows, keyword matches included
	 * (at most {@link #EXPORT_KEYWORD_LIMIT} of them, the best first).
	 */
	public Specification<Contact> specification(String keyword, BuyingRole buyingRole) {
		Specification<Contact> spec = visible();
		if (buyingRole != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("buyingRole"), buyingRole));
		}
		if (!SearchTerms.parse(keyword).isEmpty()) {
			List<Long> ids = index.contacts(keyword, buyingRole, currentUser.visibleRecords(),
					PageRequest.of(0, EXPORT_KEYWORD_LIMIT)).ids();
			spec = spec.and((root, q, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids));
		}
		return spec;
	}

	/** Names sort by their pinyin, as Chinese users expect (北京 before 上海), not by character code. */
	private static Pageable byPinyin(Pageable pageable) {
		Sort sort = Sort.by(pageable.getSort()
			.stream()
			.map(order -> "name".equals(order.getProperty()) ? order.withProperty("namePinyin") : order)
			.toList());
		return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort) : pageable;
	}

	/** Contacts of the accounts the current user sees in the account list (not those in the pool). */
	private Specification<Contact> visible() {
		Specification<Account> visibleAccounts = customers.specification(
				new AccountQuery(null, null, null, null, null, null, null, null, View.ALL));
		return (root, query, cb) -> {
			Subquery<Long> ids = query.subquery(Long.class);
			Root<Account> account = ids.from(Account.class);
			ids.select(account.get("id")).where(visibleAccounts.toPredicate(account, query, cb));
			return root.get("accountId").in(ids);
		};
	}

	private Page<ContactRow> rows(Page<Contact> page) {
		Map<Long, String> accountNames = accounts
			.findAllById(page.getContent().stream().map(Contact::getAccountId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Account::getId, Account::getName));
		return page.map(c -> new ContactRow(c.getId(), c.getName(), c.getTitle(), c.getAccountId(),
				accountNames.get(c.getAccountId()), c.getMobile(), c.getEmail(), c.getBuyingRole(), c.getAttitude(),
				c.isLeftCompany()));
	}

	public record ContactRow(long id, String name, String title, long accountId, String accountName, String mobile,
			String email, BuyingRole buyingRole, Attitude attitude, boolean leftCompany) {
	}

}
