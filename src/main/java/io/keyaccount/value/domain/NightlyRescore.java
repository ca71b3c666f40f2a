package io.keyaccount.value.domain;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.tenancy.TenantDirectory;

/** Every night, once across all nodes: every company's accounts are rescored, then old daily snapshots pruned. */
@Component
class NightlyRescore {

	private static final Logger log = LoggerFactory.getLogger(NightlyRescore.class);

	private final Rescoring rescoring;

	private final Runs runs;

	private final TenantDirectory tenants;

	NightlyRescore(Rescoring rescoring, Runs runs, TenantDirectory tenants) {
		this.rescoring = rescoring;
		this.runs = runs;
		this.tenants = tenants;
	}

	@Scheduled(cron = "${keyaccount.value.rescore-cron:0 0 2 * * *}")
	@SchedulerLock(name = "value-nightly-rescore", lockAtMostFor = "PT5H")
	void rescoreAllTenants() {
		for (long tenant : tenants.tenantIds()) {
			TenantContext.runAs(tenant, () -> {
				try {
					rescoring.rescore(RunTrigger.NIGHTLY, LocalDate.now(), null);
					runs.prune(Runs.KEEP_DAILY_DAYS);
				}
				catch (RuntimeException ex) {
					// the previous snapshot stays current; the next night tries again
					log.warn("Nightly rescore of tenant {} failed: {}", tenant, ex.toString());
				}
			});
		}
	}

}
