package io.keyaccount.customer;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.tenancy.TenantDirectory;

/** Every night, for every company: neglected accounts go to the shared pool (key accounts raise an alert). */
@Component
class PoolRuleJob {

	private static final Logger log = LoggerFactory.getLogger(PoolRuleJob.class);

	private final CustomerPool pool;

	private final TenantDirectory tenants;

	PoolRuleJob(CustomerPool pool, TenantDirectory tenants) {
		this.pool = pool;
		this.tenants = tenants;
	}

	@Scheduled(cron = "${keyaccount.customer.pool-sweep-cron:0 30 1 * * *}")
	@SchedulerLock(name = "customer-pool-sweep")
	void sweepAllTenants() {
		for (long tenant : tenants.tenantIds()) {
			int released = TenantContext.callAs(tenant, pool::sweep);
			log.info("Pool rule for tenant {}: {} accounts released", tenant, released);
		}
	}

}
