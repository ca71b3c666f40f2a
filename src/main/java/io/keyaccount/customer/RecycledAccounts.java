package io.keyaccount.customer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.recyclebin.RecycleBin.RecordPurged;
import io.keyaccount.platform.recyclebin.RecycleBin.RecordRestored;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * An account restored from the recycle bin or purged from it, in SQL, changes its parent's subsidiaries and its
 * subsidiaries' parent: the kept details of the tenant are forgotten.
 */
@Component
class RecycledAccounts {

	private final AccountDetailCache details;

	RecycledAccounts(AccountDetailCache details) {
		this.details = details;
	}

	@EventListener
	void on(RecordRestored restored) {
		if ("Account".equals(restored.entityType())) {
			details.forgetTenant(TenantContext.currentTenant());
		}
	}

	@EventListener
	void on(RecordPurged purged) {
		if ("Account".equals(purged.entityType())) {
			details.forgetTenant(TenantContext.currentTenant());
		}
	}

}
