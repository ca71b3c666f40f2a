package io.keyaccount.platform.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** How an in-memory copy of database rows is dropped when a transaction changes those rows. */
public final class CacheInvalidation {

	private CacheInvalidation() {
	}

	/**
	 * Runs {@code forget} now, so the changing transaction reads its own change, and again when that transaction
	 * ends, so no reader keeps a copy read before the change committed, or one of a change rolled back.
	 */
	public static void forgetNowAndWhenTransactionEnds(Runnable forget) {
		forget.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget.run();
				}
			});
		}
	}

}
