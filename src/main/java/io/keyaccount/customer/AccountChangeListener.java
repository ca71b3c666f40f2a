package io.keyaccount.customer;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import io.keyaccount.customer.domain.Account;

/**
 * Tells {@link AccountDetailCache} of every account Hibernate writes: an edit, a transfer, a follow-up's date, a
 * move to another parent, a soft delete. Hibernate makes it through Spring, which gives it the cache.
 */
public class AccountChangeListener {

	private final AccountDetailCache cache;

	AccountChangeListener(AccountDetailCache cache) {
		this.cache = cache;
	}

	/** Nobody keeps a new account; its parent's subsidiaries, though, now list it. */
	@PostPersist
	void created(Account account) {
		if (account.getParentId() != null) {
			changed(account);
		}
	}

	@PostUpdate
	@PostRemove
	void changed(Account account) {
		cache.changed(account.getTenantId(), account.getId(), account.getParentIdAsStored(), account.getParentId());
	}

}
