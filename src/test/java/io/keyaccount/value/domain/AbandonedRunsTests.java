package io.keyaccount.value.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.keyaccount.platform.operations.Nodes;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** A rescore cut off by the death of its process blocks the next one only until that death is known (ADR 0016). */
@KeyaccountTest
class AbandonedRunsTests {

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Rescoring rescoring;

	@Autowired
	Runs runs;

	@Autowired
	AbandonedRuns abandonedRuns;

	@Autowired
	Nodes nodes;

	private Long begun;

	@BeforeEach
	void signIn() {
		DemoUsers.signIn(staff, "admin");
	}

	@AfterEach
	void cleanUp() {
		if (begun != null) {
			runs.fail(begun, "test done");
		}
		jdbc.update("update value_run set status = 'FAILED' where status = 'RUNNING'");
		jdbc.update("delete from platform_node where id <> ?", nodes.self());
		DemoUsers.signOut();
	}

	@Test
	void aRunLeftByAProcessThatDiedIsFailedAtStartAndTheNextRescoreBeginsAtOnce() {
		long left = runningSince(Instant.now().minusSeconds(60), "a-process-killed-a-minute-ago");

		abandonedRuns.runAtStartup();

		Run failed = runs.find(left).orElseThrow();
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.error()).contains("abandoned");
		begun = rescoring.begin(RunTrigger.MANUAL, LocalDate.now(), "admin");
		assertThat(runs.running()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(begun));
	}

	@Test
	void aRunOfAProcessThatFellSilentIsFailedWhenTheNextRescoreIsAskedFor() {
		jdbc.update("insert into platform_node (id, started_at, beat_at) values ('a-silent-node', ?, ?)",
				Timestamp.from(Instant.now().minusSeconds(3600)), Timestamp.from(Instant.now().minusSeconds(45)));
		long left = runningSince(Instant.now().minusSeconds(50), "a-silent-node");

		begun = rescoring.begin(RunTrigger.MANUAL, LocalDate.now(), "admin");

		assertThat(runs.find(left).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
	}

	@Test
	void aRunOfAProcessStillBeatingBlocksASecondRescore() {
		jdbc.update("insert into platform_node (id, started_at, beat_at) values ('another-node', ?, ?)",
				Timestamp.from(Instant.now().minusSeconds(3600)), Timestamp.from(Instant.now()));
		long working = runningSince(Instant.now().minusSeconds(50), "another-node");

		abandonedRuns.runAtStartup();

		assertThatThrownBy(() -> rescoring.begin(RunTrigger.MANUAL, LocalDate.now(), "admin"))
			.isInstanceOf(BusinessRuleException.class)
			.satisfies(ex -> assertThat(((BusinessRuleException) ex).messageKey()).isEqualTo("value.run.alreadyRunning"));
		assertThat(runs.find(working).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
	}

	private long runningSince(Instant startedAt, String node) {
		jdbc.update("insert into value_run (tenant_id, status, trigger_kind, as_of, phase, started_at, node_id)"
				+ " values (?, 'RUNNING', 'MANUAL', ?, 'WRITING', ?, ?)", TenantContext.currentTenant(), LocalDate.now(),
				Timestamp.from(startedAt), node);
		return jdbc.queryForObject("select max(id) from value_run", Long.class);
	}

}
