package io.keyaccount.customer.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;

/**
 * What the search documents of accounts created in one flush relate to, known to the code that creates them: their
 * contacts are the ones it wrote with them, and they have no follow-ups or team yet. Documents are built while the
 * session flushes; built inside {@link #flush}, those of these accounts and contacts are made without the four
 * queries per account that {@link AccountDocument} and {@link ContactDocument} otherwise send — an import's
 * hundred thousand rows no longer cost four hundred thousand round trips.
 */
public final class NewAccountDocuments {

	private static final ThreadLocal<Map<Long, NewAccount>> CURRENT = new ThreadLocal<>();

	private NewAccountDocuments() {
	}

	/** Runs {@code flush} (which must flush the session that persisted these new records) with them known. */
	public static void flush(List<Account> accounts, List<Contact> contacts, Runnable flush) {
		Map<Long, NewAccount> known = new HashMap<>();
		for (Account account : accounts) {
			known.put(account.getId(), new NewAccount(account, new ArrayList<>(1)));
		}
		for (Contact contact : contacts) {
			NewAccount account = known.get(contact.getAccountId());
			if (account == null) {
				throw new IllegalArgumentException("contact of an account not created in this flush");
			}
			account.contacts().add(contact);
		}
		CURRENT.set(known);
		try {
			flush.run();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** The related records of a new account of the current flush, or null. */
	static AccountDocument.Related related(long accountId) {
		NewAccount account = known(accountId);
		if (account == null) {
			return null;
		}
		AccountDocument.Related related = AccountDocument.Related.empty();
		for (Contact contact : account.contacts()) {
			related.addContact(contact.getName(), contact.getMobile(), contact.getPhone(), contact.getEmail(),
					contact.getWorkNotes(), contact.getLifeNotes(), contact.getInterests());
		}
		return related;
	}

	/** Who sees the contacts of a new account of the current flush, or null. */
	static ContactDocument.Owner owner(long accountId) {
		NewAccount known = known(accountId);
		if (known == null) {
			return null;
		}
		Account account = known.account();
		return account.isInPool() ? ContactDocument.Owner.UNLISTED
				: new ContactDocument.Owner(true, account.getOwnerUserId(), account.getOwnerUnitId(), List.of());
	}

	private static NewAccount known(long accountId) {
		Map<Long, NewAccount> known = CURRENT.get();
		return known == null ? null : known.get(accountId);
	}

	private record NewAccount(Account account, List<Contact> contacts) {
	}

}
