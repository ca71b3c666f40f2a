package io.keyaccount.customer;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.customer.domain.PinyinNames;

/** The contact list: contacts of every account the current user can see, filtered and paged in the database. */
@Service
@Transactional(readOnly = true)
public class ContactDirectory {

	private final Contacts contacts;

	private final Accounts accounts;

	private final CustomerManagement customers;

	ContactDirectory(Contacts contacts, Accounts accounts, CustomerManagement customers) {
		this.contacts = contacts;
		this.accounts = accounts;
		this.customers = customers;
	}

	public Page<ContactRow> search(String keyword, BuyingRole buyingRole, Pageable pageable) {
		Page<Contact> page = contacts.findAll(specification(keyword, buyingRole), pageable);
		Map<Long, String> accountNames = accounts
			.findAllById(page.getContent().stream().map(Contact::getAccountId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Account::getId, Account::getName));
		return page.map(c -> new ContactRow(c.getId(), c.getName(), c.getTitle(), c.getAccountId(),
				accountNames.get(c.getAccountId()), c.getMobile(), c.getEmail(), c.getBuyingRole(), c.getAttitude(),
				c.isLeftCompany()));
	}

	/** The specification behind the contact list, also used by the export so it lists exactly what the user sees. */
	public Specification<Contact> specification(String keyword, BuyingRole buyingRole) {
		Specification<Account> visibleAccounts = customers.specification(
				new AccountQuery(null, null, null, null, null, null, null, null, View.ALL));
		Specification<Contact> spec = (root, query, cb) -> {
			Subquery<Long> ids = query.subquery(Long.class);
			Root<Account> account = ids.from(Account.class);
			ids.select(account.get("id")).where(visibleAccounts.toPredicate(account, query, cb));
			return root.get("accountId").in(ids);
		};
		if (StringUtils.hasText(keyword)) {
			String k = keyword.trim().toLowerCase();
			String like = "%" + k + "%";
			spec = spec.and((root, q, cb) -> cb.or(cb.like(root.get("name"), like), cb.like(root.get("mobile"), k + "%"),
					cb.like(cb.lower(root.get("email")), like), cb.like(root.get("nameInitials"), k + "%"),
					cb.like(root.get("namePinyin"), PinyinNames.full(k) + "%")));
		}
		if (buyingRole != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("buyingRole"), buyingRole));
		}
		return spec;
	}

	public record ContactRow(long id, String name, String title, long accountId, String accountName, String mobile,
			String email, BuyingRole buyingRole, Attitude attitude, boolean leftCompany) {
	}

}
