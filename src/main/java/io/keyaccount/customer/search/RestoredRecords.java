package io.keyaccount.customer.search;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.recyclebin.RecycleBin.RecordRestored;

/** An account or contact restored from the recycle bin (by SQL) comes back into the index. */
@Component
class RestoredRecords {

	private final CustomerIndex index;

	RestoredRecords(CustomerIndex index) {
		this.index = index;
	}

	@EventListener
	void on(RecordRestored restored) {
		switch (restored.entityType()) {
			case "Account" -> index.reindexAccounts(List.of(restored.id()));
			case "Contact" -> index.reindexContact(restored.id());
			default -> {
			}
		}
	}

}
