package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;
import io.keyaccount.value.domain.RunStatus;
import io.keyaccount.value.domain.RunTrigger;
import io.keyaccount.value.domain.Rescoring;
import io.keyaccount.value.domain.Runs;
import io.keyaccount.value.domain.ScoreQuery;
import io.keyaccount.value.domain.ValueReports;

/** The value migration, the demo's rescores and an on-demand rescore on PostgreSQL. */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class ValueRescorePostgresIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	Rescoring rescoring;

	@Autowired
	Runs runs;

	@Autowired
	ValueReports reports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService staff;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void aRescoreOnPostgresqlWritesASnapshotPerAccountAndBecomesCurrent() {
		DemoUsers.signIn(staff, "admin");
		long demoRun = runs.current().orElseThrow().id();

		long runId = rescoring.rescore(RunTrigger.MANUAL, LocalDate.now(), "admin");

		var run = runs.find(runId).orElseThrow();
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(runs.current().orElseThrow().id()).isEqualTo(runId).isNotEqualTo(demoRun);
		// the tenant's accounts: other tests share this database and install tenants of their own
		Long accounts = jdbc.queryForObject("select count(*) from account where deleted_at is null and tenant_id = ?",
				Long.class, TenantContext.currentTenant());
		assertThat(jdbc.queryForObject("select count(*) from value_snapshot where run_id = ?", Long.class, runId))
			.isEqualTo(accounts);
		// the snapshot's amounts went in as binary numerics: each account's revenue is its ledger's sum to the cent
		assertThat(jdbc.queryForObject("select count(*) from value_snapshot s left join (select account_id,"
				+ " sum(amount) as revenue from value_transaction where deleted_at is null group by account_id) t"
				+ " on t.account_id = s.account_id where s.run_id = ? and s.revenue <> coalesce(t.revenue, 0)",
				Long.class, runId)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from value_snapshot where run_id = ? and revenue > 0",
				Long.class, runId)).isPositive();
		assertThat(run.bgNbdLogLikelihood()).isNegative();
		assertThat(run.ggCustomers()).isPositive();
		assertThat(reports.overview(ScoreQuery.all()).pareto().topFifthShare()).isGreaterThan(0.5);
		assertThat(reports.changes(LocalDate.now().minusMonths(6), LocalDate.now(), null).totals()).isNotEmpty();
		assertThat(reports.classTrend(12)).hasSizeGreaterThanOrEqualTo(12);
	}

}
