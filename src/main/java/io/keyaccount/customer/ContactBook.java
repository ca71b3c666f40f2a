package io.keyaccount.customer;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.CustomerEvents.ContactLeft;
import io.keyaccount.customer.domain.AccountRules;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;

/** Contacts of the accounts the current user can see. */
@Service
@Transactional
public class ContactBook {

	private final Contacts contacts;

	private final CustomerManagement customers;

	private final AccountRules rules;

	private final ApplicationEventPublisher events;

	ContactBook(Contacts contacts, CustomerManagement customers, AccountRules rules, ApplicationEventPublisher events) {
		this.contacts = contacts;
		this.customers = customers;
		this.rules = rules;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<Contact> of(long accountId) {
		customers.visibleAccount(accountId);
		return contacts.findByAccountIdOrderByNameAsc(accountId);
	}

	/** The customer's org chart from reports-to: each contact with its depth, bosses before their reports. */
	@Transactional(readOnly = true)
	public List<OrgChartEntry> orgChart(long accountId) {
		List<Contact> all = of(accountId);
		java.util.Set<Long> ids = new java.util.HashSet<>();
		all.forEach(c -> ids.add(c.getId()));
		java.util.Map<Long, List<Contact>> reports = new java.util.HashMap<>();
		all.stream().filter(c -> c.getReportsToId() != null && ids.contains(c.getReportsToId()))
			.forEach(c -> reports.computeIfAbsent(c.getReportsToId(), k -> new java.util.ArrayList<>()).add(c));
		List<OrgChartEntry> chart = new java.util.ArrayList<>();
		all.stream().filter(c -> c.getReportsToId() == null || !ids.contains(c.getReportsToId()))
			.forEach(root -> addToChart(root, 0, reports, chart));
		return chart;
	}

	private static void addToChart(Contact contact, int depth, java.util.Map<Long, List<Contact>> reports,
			List<OrgChartEntry> chart) {
		chart.add(new OrgChartEntry(contact, depth));
		if (depth < 20) {
			reports.getOrDefault(contact.getId(), List.of()).forEach(r -> addToChart(r, depth + 1, reports, chart));
		}
	}

	public record OrgChartEntry(Contact contact, int depth) {
	}

	@Transactional(readOnly = true)
	public Contact contact(long id) {
		Contact contact = contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
		if (!customers.canSee(contact.getAccountId())) {
			throw new NotFoundException("Contact", id);
		}
		return contact;
	}

	public long add(long accountId, ContactDetails details) {
		customers.changeableAccount(accountId);
		ContactDetails checked = rules.check(details);
		checkReportsTo(accountId, null, checked.reportsToId());
		checkMobileUnused(accountId, null, checked.mobile());
		return contacts.save(new Contact(accountId, checked)).getId();
	}

	public void update(long id, ContactDetails details, long version) {
		Contact contact = changeableContact(id);
		contact.checkVersion(version);
		ContactDetails checked = rules.check(details);
		checkReportsTo(contact.getAccountId(), id, checked.reportsToId());
		checkMobileUnused(contact.getAccountId(), id, checked.mobile());
		contact.describe(checked);
	}

	public void markLeft(long id, LocalDate on) {
		Contact contact = changeableContact(id);
		contact.markLeft(on == null ? LocalDate.now() : on);
		events.publishEvent(new ContactLeft(contact.getAccountId(), id));
	}

	public String delete(long id) {
		Contact contact = changeableContact(id);
		contact.moveToRecycleBin();
		return contact.getName();
	}

	/**
	 * A mobile number is one person's: a second contact of the same account with it is the same person entered
	 * twice, so it is refused, naming the contact who has it (contacts of other accounts may share it: a person
	 * can move between companies).
	 */
	private void checkMobileUnused(long accountId, Long contactId, String mobile) {
		if (mobile == null) {
			return;
		}
		contacts.findByAccountIdOrderByNameAsc(accountId)
			.stream()
			.filter(other -> !other.getId().equals(contactId) && mobile.equals(other.getMobile()))
			.findFirst()
			.ifPresent(other -> {
				throw new BusinessRuleException("mobile", "contact.mobileTaken", mobile, other.getName());
			});
	}

	/** A contact whose account the current user may change; see {@link CustomerManagement#changeableAccount}. */
	private Contact changeableContact(long id) {
		Contact contact = contact(id);
		customers.changeableAccount(contact.getAccountId());
		return contact;
	}

	private void checkReportsTo(long accountId, Long contactId, Long reportsToId) {
		if (reportsToId == null) {
			return;
		}
		Long cursor = reportsToId;
		for (int depth = 0; cursor != null && depth < 50; depth++) {
			if (cursor.equals(contactId)) {
				throw new BusinessRuleException("reportsToId", "contact.reportsToCycle");
			}
			Contact boss = contacts.findById(cursor)
				.filter(c -> c.getAccountId() == accountId)
				.orElseThrow(() -> new BusinessRuleException("reportsToId", "contact.reportsToOtherAccount"));
			cursor = boss.getReportsToId();
		}
	}

}
