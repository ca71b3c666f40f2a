package io.keyaccount.value.domain;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.CustomerEvents.AccountsMerged;

/** A merged duplicate's purchase history and potential ratings belong to the account kept, in the merge's transaction. */
@Component
class ValueMergeListener {

	private final Ledger ledger;

	private final AccountProfiles profiles;

	ValueMergeListener(Ledger ledger, AccountProfiles profiles) {
		this.ledger = ledger;
		this.profiles = profiles;
	}

	@EventListener
	void on(AccountsMerged event) {
		ledger.moveAccount(event.mergedId(), event.keptId());
		profiles.moveAccount(event.mergedId(), event.keptId());
	}

}
