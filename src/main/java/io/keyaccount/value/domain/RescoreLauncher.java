package io.keyaccount.value.domain;

import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Starts an on-demand rescore in the background and returns at once with the run's id, which the progress bar
 * polls. One worker thread: runs of several companies queue rather than compete for the two cores.
 */
@Component
public class RescoreLauncher {

	private static final Logger log = LoggerFactory.getLogger(RescoreLauncher.class);

	private final Rescoring rescoring;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "value-rescore");
		thread.setDaemon(true);
		return thread;
	});

	RescoreLauncher(Rescoring rescoring) {
		this.rescoring = rescoring;
	}

	public long launch() {
		long tenant = TenantContext.currentTenant();
		LocalDate asOf = LocalDate.now();
		long runId = rescoring.begin(RunTrigger.MANUAL, asOf,
				CurrentUser.signedIn().map(KeyaccountUser::getUsername).orElse(null));
		worker.submit(() -> TenantContext.runAs(tenant, () -> {
			try {
				rescoring.execute(runId, asOf, done -> {
				});
			}
			catch (RuntimeException ex) {
				log.warn("On-demand rescore {} of tenant {} failed", runId, tenant, ex);
			}
		}));
		return runId;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
