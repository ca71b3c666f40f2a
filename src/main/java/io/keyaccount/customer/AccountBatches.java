package io.keyaccount.customer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.CustomerEvents.AccountCreated;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountRules;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.search.BatchIndexing;
import io.keyaccount.customer.search.NewAccountDocuments;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;

/**
 * Creates many new accounts, each with at most one contact, in one transaction: what an import writes once its
 * rows have been checked. Unlike {@link CustomerManagement#create} it asks the database nothing row by row (no
 * credit-code lookup, no duplicate search, no visibility check of an account it has just created), so Hibernate
 * sends the inserts in JDBC batches. The unique index on credit codes still guards the data: a code taken since
 * the check fails the whole batch, and the caller retries its rows one by one through the checked path to find it.
 */
@Service
public class AccountBatches {

	private final AccountRules rules;

	private final Organisation organisation;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final AccountDetailCache details;

	AccountBatches(AccountRules rules, Organisation organisation, EntityManager entityManager,
			ApplicationEventPublisher events, JdbcTemplate jdbc, AccountDetailCache details) {
		this.rules = rules;
		this.organisation = organisation;
		this.entityManager = entityManager;
		this.events = events;
		this.jdbc = jdbc;
		this.details = details;
	}

	/** A checked new account, its owner and its first contact (or none; a new account's contact reports to no one). */
	public record NewAccount(AccountFacts facts, long ownerUserId, ContactDetails contact) {

		public NewAccount {
			if (contact != null && contact.reportsToId() != null) {
				throw new IllegalArgumentException("a contact of a new account cannot report to anyone yet");
			}
		}

	}

	/**
	 * Writes the accounts and their contacts and returns the accounts' ids in the given order. Joins the caller's
	 * transaction, which must be fresh for this batch: the persistence context is flushed and cleared at the end. The
	 * batch's search documents are indexed while the caller prepares its next batch, which waits for them when it
	 * commits; after the last, {@link #awaitIndexing()}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> create(List<NewAccount> batch) {
		// this batch's documents are indexed while the next batch is written; that one waits for them (ADR 0009)
		BatchIndexing.oneBatchBehind(entityManager);
		Map<Long, User> owners = new HashMap<>();
		List<Account> created = new ArrayList<>(batch.size());
		for (NewAccount row : batch) {
			User owner = owners.computeIfAbsent(row.ownerUserId(), organisation::user);
			Account account = new Account(rules.check(row.facts()), owner.getId(), owner.getUnitId());
			entityManager.persist(account);
			created.add(account);
		}
		List<Contact> contacts = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			ContactDetails details = batch.get(i).contact();
			if (details != null) {
				Contact contact = new Contact(created.get(i).getId(), rules.check(details));
				entityManager.persist(contact);
				contacts.add(contact);
			}
		}
		NewAccountDocuments.flush(created, contacts, entityManager::flush);
		entityManager.clear();
		created.forEach(account -> events.publishEvent(new AccountCreated(account.getId(), account.getOwnerUserId())));
		return created.stream().map(Account::getId).toList();
	}

	/**
	 * Deletes for good accounts that {@link #create} wrote, with their contacts and their search documents: an
	 * all-or-nothing import taken back. Someone may have opened one of them meanwhile, so the tenant's kept details
	 * are forgotten.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void takeBack(long tenant, List<Long> ids) {
		Object[] args = new Object[ids.size() + 1];
		args[0] = tenant;
		for (int i = 0; i < ids.size(); i++) {
			args[i + 1] = ids.get(i);
		}
		String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
		List<Long> contacts = jdbc.queryForList("select id from contact where tenant_id = ? and account_id in (" + marks
				+ ")", Long.class, args);
		jdbc.update("delete from contact where tenant_id = ? and account_id in (" + marks + ")", args);
		jdbc.update("delete from account where tenant_id = ? and id in (" + marks + ")", args);
		// deleted by SQL, so Hibernate Search must be told: the lists count and page from the index (ADR 0011)
		BatchIndexing.purge(entityManager, ids, contacts);
		details.forgetTenant(tenant);
	}

	/** Waits until the accounts of this thread's last batch can be found by search. */
	public void awaitIndexing() {
		BatchIndexing.awaitLast();
	}

}
