package io.keyaccount.customer.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;

/**
 * The search index of a run of bulk transactions on one thread, such as an import's batches. Each transaction
 * commits without waiting for its documents; the index writes them while the next batch is prepared, and that batch
 * waits for them when it commits instead. So the index is at most one batch behind and at most two batches of
 * documents are in memory (a backlog without any wait ran a 512 MB heap out of memory), while the writing and the
 * indexing overlap. The index commits to disk every ten seconds (SearchConfiguration), not once a batch: fewer,
 * larger segments to merge. A crash may lose the last seconds, which the start-up check repairs. Call
 * {@link #awaitLast()} after the run.
 */
public final class BatchIndexing {

	private static final ThreadLocal<CompletableFuture<?>> PREVIOUS_BATCH = new ThreadLocal<>();

	private static final IndexingPlanSynchronizationStrategy ONE_BATCH_BEHIND = context -> {
		context.documentCommitStrategy(DocumentCommitStrategy.NONE);
		context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
		context.indexingFutureHandler(indexed -> {
			CompletableFuture<?> previous = PREVIOUS_BATCH.get();
			PREVIOUS_BATCH.set(indexed);
			await(previous);
		});
	};

	private BatchIndexing() {
	}

	/** Makes the transaction of this entity manager one batch of the run. */
	public static void oneBatchBehind(EntityManager entityManager) {
		Search.session(entityManager).indexingPlanSynchronizationStrategy(ONE_BATCH_BEHIND);
	}

	/** Waits until the documents of this thread's last batch are in the index. */
	public static void awaitLast() {
		CompletableFuture<?> last = PREVIOUS_BATCH.get();
		PREVIOUS_BATCH.remove();
		await(last);
	}

	/**
	 * Removes the documents of accounts and contacts deleted by SQL (an import taken back) when the transaction
	 * commits.
	 */
	public static void purge(EntityManager entityManager, List<Long> accounts, List<Long> contacts) {
		SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
		accounts.forEach(id -> plan.purge(Account.class, id, null));
		contacts.forEach(id -> plan.purge(Contact.class, id, null));
	}

	private static void await(CompletableFuture<?> batch) {
		if (batch != null) {
			// A failure was reported by Hibernate Search's failure handler, and the start-up check repairs the index:
			// the writer only needs the pace.
			batch.handle((report, failure) -> null).join();
		}
	}

}
