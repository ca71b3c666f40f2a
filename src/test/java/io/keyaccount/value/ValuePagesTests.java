package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.value.domain.RunStatus;
import io.keyaccount.value.domain.RunTrigger;
import io.keyaccount.value.domain.Rescoring;
import io.keyaccount.value.domain.Runs;
import io.keyaccount.value.domain.ScoreQuery;
import io.keyaccount.value.domain.ValueReports;

/** The demo company's value scores, the value pages, data scope, and a rescore that fails half-way. */
@KeyaccountTest
class ValuePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Rescoring rescoring;

	@Autowired
	Runs runs;

	@Autowired
	ValueReports reports;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void theDemoCompanysAccountsHaveScoresTiersAndClassesOnFirstStart() {
		DemoUsers.signIn(staff, "admin");
		var run = runs.current().orElseThrow();
		assertThat(run.asOf()).isEqualTo(LocalDate.now());
		// other test classes share this database and may have added, deleted or restored accounts since
		Long unscored = jdbc.queryForObject("select count(*) from account where deleted_at is null and updated_at <= ?"
				+ " and id not in (select account_id from value_snapshot where run_id = ?)", Long.class,
				java.sql.Timestamp.from(run.startedAt()), run.id());
		assertThat(unscored).isZero();
		assertThat(jdbc.queryForObject("select count(*) from value_snapshot where run_id = ?", Long.class, run.id()))
			.isGreaterThanOrEqualTo(300);
		assertThat(run.bgNbdR()).isNotNull();
		assertThat(run.ggP()).isNotNull();
		List<String> classes = jdbc.queryForList("select distinct resource_class from value_snapshot where run_id = ?",
				String.class, run.id());
		assertThat(classes).contains("LOYAL", "RETURNING", "ONE_TIME", "AT_RISK", "LOST", "POTENTIAL");
		var overview = reports.overview(ScoreQuery.all());
		assertThat(overview.tiers()).allSatisfy(t -> assertThat(t.accounts()).isPositive());
		assertThat(overview.pareto().topFifthShare()).isBetween(0.6, 0.95);
		assertThat(runs.monthly(24)).hasSizeGreaterThanOrEqualTo(12);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/value/dashboard", "/value/dashboard?industry=TELECOM", "/value/accounts",
			"/value/accounts?quadrant=DEVELOP&sort=current&dir=desc", "/value/accounts?tier=A&resourceClass=LOYAL",
			"/value/classes", "/value/classes?dimension=REGION", "/value/classes?dimension=SIZE", "/value/changes",
			"/value/changes?kind=LOST", "/value/ledger", "/value/ledger?source=ORDER", "/value/ledger/import",
			"/value/settings" })
	void theValuePagesRenderForTheAdministrator(String path) throws Exception {
		mvc.perform(get(path).with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("??"))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/value/accounts/export", "/value/ledger/export",
			"/value/changes/export?from=2025-01-01&to=2030-01-01" })
	void listsExportToExcel(String path) throws Exception {
		byte[] body = mvc.perform(get(path).with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).startsWith('P', 'K');
	}

	@Test
	void theDashboardStatesTheTopFifthsShare() throws Exception {
		mvc.perform(get("/value/dashboard").with(DemoUsers.as(staff, "admin")))
			.andExpect(content().string(containsString("前20%客户贡献了")))
			.andExpect(content().string(containsString("重点发展")));
	}

	@Test
	void theAccountsValueTabShowsTheScoreWithItsReasonsAndStrategy() throws Exception {
		long key = jdbc.queryForObject("select min(id) from account where key_account = true", Long.class);
		mvc.perform(get("/value/accounts/" + key + "/tab").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评分依据")))
			.andExpect(content().string(containsString("历史价值")))
			.andExpect(content().string(containsString("累计毛利超过")))
			.andExpect(content().string(containsString("活跃概率")))
			.andExpect(content().string(containsString("建议的下一步行动")));
		mvc.perform(get("/customers/accounts/" + key).param("tab", "value").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/value/accounts/" + key + "/tab")));
	}

	private long currentRunId() {
		return jdbc.queryForObject("select id from value_run where status = 'COMPLETED'"
				+ " order by as_of desc, completed_at desc, id desc fetch first 1 rows only", Long.class);
	}

	@Test
	void anOwnRecordsSalespersonSeesOnlyTheirOwnAccountsValue() throws Exception {
		// the own-records salesperson owning most scored accounts (other tests may hand accounts over)
		String salesperson = jdbc.queryForObject("select u.username from app_user u join account a on a.owner_user_id = u.id"
				+ " join value_snapshot s on s.account_id = a.id and s.run_id = ?"
				+ " where u.username in ('liuyang', 'huangting', 'zhengkai') and a.in_pool = false and a.deleted_at is null"
				+ " group by u.username order by count(*) desc fetch first 1 rows only", String.class,
				currentRunId());
		long ownerId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, salesperson);
		long colleagues = jdbc.queryForObject("select min(a.id) from account a join value_snapshot s on s.account_id = a.id"
				+ " where a.owner_user_id <> ? and a.in_pool = false and a.deleted_at is null and a.id not in (select account_id from account_team_member where user_id = ?)",
				Long.class, ownerId, ownerId);
		DemoUsers.signIn(staff, salesperson);
		var rows = reports.accounts(ScoreQuery.all(), org.springframework.data.domain.PageRequest.of(0, 1000));
		assertThat(rows.getContent()).isNotEmpty().allSatisfy(r -> assertThat(r.ownerUserId()).isEqualTo(ownerId));
		assertThat(reports.account(colleagues)).isEmpty();
		long all = jdbc.queryForObject("select count(*) from value_snapshot where run_id = ?", Long.class,
				runs.current().orElseThrow().id());
		assertThat(reports.overview(ScoreQuery.all()).totals().accounts()).isEqualTo(rows.getTotalElements())
			.isLessThan(all);
		DemoUsers.signOut();
		mvc.perform(get("/value/accounts/" + colleagues + "/tab").with(DemoUsers.as(staff, salesperson)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRescoreThatFailsMidwayLeavesThePreviousSnapshotOnThePages() throws Exception {
		DemoUsers.signIn(staff, "admin");
		var before = runs.current().orElseThrow();
		long key = jdbc.queryForObject("select min(id) from account where key_account = true", Long.class);
		double scoreBefore = reports.account(key).orElseThrow().score();

		long runId = rescoring.begin(RunTrigger.MANUAL, LocalDate.now().plusDays(1), "admin");
		assertThatThrownBy(() -> rescoring.execute(runId, LocalDate.now().plusDays(1), written -> {
			assertThat(jdbc.queryForObject("select count(*) from value_snapshot where run_id = ?", Long.class, runId))
				.isPositive();
			assertThat(runs.current().orElseThrow().id()).isEqualTo(before.id());
			throw new IllegalStateException("disk full");
		})).hasMessage("disk full");

		var failed = runs.find(runId).orElseThrow();
		assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.error()).contains("disk full");
		assertThat(jdbc.queryForObject("select count(*) from value_snapshot where run_id = ?", Long.class, runId)).isZero();
		assertThat(runs.current().orElseThrow().id()).isEqualTo(before.id());
		assertThat(reports.account(key).orElseThrow().score()).isEqualTo(scoreBefore);
		mvc.perform(get("/value/settings").with(DemoUsers.as(staff, "admin")))
			.andExpect(content().string(containsString("disk full")));
	}

	@Test
	void theValuePermissionsReachTheDemoRoles() {
		assertThat(TenantContext.currentTenant()).isEqualTo(TenantContext.DEFAULT_TENANT);
		List<String> liuyang = jdbc.queryForList("select distinct rp.permission from app_user u"
				+ " join app_user_role ur on ur.user_id = u.id join app_role_permission rp on rp.role_id = ur.role_id"
				+ " where u.username = 'liuyang'", String.class);
		assertThat(liuyang).contains("value.view", "value.rescore", "value.import").doesNotContain("value.settings");
	}

}
