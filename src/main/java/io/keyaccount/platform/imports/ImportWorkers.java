package io.keyaccount.platform.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * The threads every import runs on: a small fixed pool with a short queue, so parsing and checking files never
 * takes a request thread nor more cores than configured, however many uploads arrive. An import is let in only
 * while its user and its company have fewer running (or waiting) imports than {@link ImportLimits} allow; it runs
 * as the user who started it (security context, tenant and language taken along) and gives its place back when it
 * ends, however it ends.
 */
@Component
public class ImportWorkers {

	private final ImportLimits limits;

	private final CurrentUser currentUser;

	private final ThreadPoolExecutor pool;

	private final Map<Long, Integer> perUser = new HashMap<>();

	private final Map<Long, Integer> perCompany = new HashMap<>();

	ImportWorkers(ImportLimits limits, CurrentUser currentUser) {
		this.limits = limits;
		this.currentUser = currentUser;
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(limits.waiting()), task -> {
					Thread thread = new Thread(task, "import-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Takes a place for one import of the signed-in user; refused with a message the user can read when he or his
	 * company already has as many imports running as allowed. Closing the slot gives the place back (once).
	 */
	public Slot reserve() {
		KeyaccountUser me = currentUser.require();
		take(me.userId(), me.tenantId());
		return new Slot(me);
	}

	/** Reserves a slot and runs the import in it; see {@link #submit(Slot, Runnable)}. */
	public CompletableFuture<Void> submit(Runnable work) {
		return submit(reserve(), work);
	}

	/**
	 * Runs the import on the pool as the signed-in user and answers at once; the slot is given back when the work
	 * ends, however it ends (an import may give it back earlier, before it reports itself finished, so that its
	 * user can start the next one the moment he sees the result). Refused when the queue is full.
	 */
	public CompletableFuture<Void> submit(Slot slot, Runnable work) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Locale locale = LocaleContextHolder.getLocale();
		try {
			return CompletableFuture.runAsync(() -> runAs(slot, authentication, locale, work), pool);
		}
		catch (RejectedExecutionException ex) {
			slot.close();
			throw new BusinessRuleException("file", "file.import.busy");
		}
	}

	private void runAs(Slot slot, Authentication authentication, Locale locale, Runnable work) {
		SecurityContext own = SecurityContextHolder.createEmptyContext();
		own.setAuthentication(authentication);
		SecurityContextHolder.setContext(own);
		LocaleContextHolder.setLocale(locale);
		try {
			TenantContext.runAs(slot.tenantId, work);
		}
		finally {
			SecurityContextHolder.clearContext();
			LocaleContextHolder.resetLocaleContext();
			slot.close();
		}
	}

	private synchronized void take(long userId, long tenantId) {
		if (perUser.getOrDefault(userId, 0) >= limits.perUser()) {
			throw new BusinessRuleException("file", "file.import.runningForUser");
		}
		if (perCompany.getOrDefault(tenantId, 0) >= limits.perCompany()) {
			throw new BusinessRuleException("file", "file.import.runningForCompany", limits.perCompany());
		}
		perUser.merge(userId, 1, Integer::sum);
		perCompany.merge(tenantId, 1, Integer::sum);
	}

	private synchronized void giveBack(long userId, long tenantId) {
		perUser.computeIfPresent(userId, (user, running) -> running > 1 ? running - 1 : null);
		perCompany.computeIfPresent(tenantId, (company, running) -> running > 1 ? running - 1 : null);
	}

	/** One import's place among those its user and company may run. */
	public final class Slot implements AutoCloseable {

		private final long userId;

		private final long tenantId;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Slot(KeyaccountUser user) {
			this.userId = user.userId();
			this.tenantId = user.tenantId();
		}

		@Override
		public void close() {
			if (open.compareAndSet(true, false)) {
				giveBack(userId, tenantId);
			}
		}

	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

}
