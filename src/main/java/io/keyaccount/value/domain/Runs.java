package io.keyaccount.value.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.operations.Nodes;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.value.lifetime.BgNbdModel;
import io.keyaccount.value.lifetime.FitResult;
import io.keyaccount.value.lifetime.GammaGammaModel;

/**
 * The run table. The current run is the completed run with the latest as-of date (then the latest completion):
 * a pointer that moves in one update when a run completes, never an in-place rewrite of results.
 */
@Component
public class Runs {

	/** Daily snapshots are kept this long; older ones only when they are the last of their month. */
	static final int KEEP_DAILY_DAYS = 40;

	private static final String SELECT = "select id, status, trigger_kind, as_of, phase, accounts_total, accounts_done,"
			+ " transactions, started_at, completed_at, started_by, error, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b,"
			+ " bgnbd_ll, bgnbd_customers, bgnbd_converged, gg_p, gg_q, gg_gamma, gg_ll, gg_customers, gg_converged,"
			+ " weight_historical, weight_current, weight_future, weight_potential, duration_ms from value_run";

	private final JdbcTemplate jdbc;

	private final Nodes nodes;

	Runs(JdbcTemplate jdbc, Nodes nodes) {
		this.jdbc = jdbc;
		this.nodes = nodes;
	}

	long start(RunTrigger trigger, LocalDate asOf, String startedBy, ValueSettings settings) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.update(con -> {
			var ps = con.prepareStatement("insert into value_run (tenant_id, status, trigger_kind, as_of, phase,"
					+ " started_at, started_by, weight_historical, weight_current, weight_future, weight_potential, node_id)"
					+ " values (?, 'RUNNING', ?, ?, 'READING', ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, TenantContext.currentTenant());
			ps.setString(2, trigger.name());
			ps.setObject(3, asOf);
			ps.setTimestamp(4, Timestamp.from(Instant.now()));
			ps.setString(5, startedBy);
			ps.setInt(6, settings.weightHistorical());
			ps.setInt(7, settings.weightCurrent());
			ps.setInt(8, settings.weightFuture());
			ps.setInt(9, settings.weightPotential());
			ps.setString(10, nodes.self());
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	void progress(long runId, String phase, int done, int total) {
		jdbc.update("update value_run set phase = ?, accounts_done = ?, accounts_total = ? where id = ?", phase, done,
				total, runId);
	}

	/** The one update that makes a run's snapshot the one pages show. */
	void complete(long runId, long transactions, FitResult<BgNbdModel> bgNbd, FitResult<GammaGammaModel> gg,
			String problem, long durationMillis) {
		BgNbdModel b = bgNbd == null ? null : bgNbd.model();
		GammaGammaModel g = gg == null ? null : gg.model();
		jdbc.update("update value_run set status = 'COMPLETED', phase = 'DONE', completed_at = ?, transactions = ?,"
				+ " bgnbd_r = ?, bgnbd_alpha = ?, bgnbd_a = ?, bgnbd_b = ?, bgnbd_ll = ?, bgnbd_customers = ?,"
				+ " bgnbd_converged = ?, gg_p = ?, gg_q = ?, gg_gamma = ?, gg_ll = ?, gg_customers = ?, gg_converged = ?,"
				+ " error = ?, duration_ms = ?, accounts_done = accounts_total where id = ? and status = 'RUNNING'",
				Timestamp.from(Instant.now()), transactions, b == null ? null : b.r(), b == null ? null : b.alpha(),
				b == null ? null : b.a(), b == null ? null : b.b(), bgNbd == null ? null : bgNbd.logLikelihood(),
				bgNbd == null ? null : bgNbd.customersUsed(), bgNbd == null ? null : bgNbd.converged(),
				g == null ? null : g.p(), g == null ? null : g.q(), g == null ? null : g.gamma(),
				gg == null ? null : gg.logLikelihood(), gg == null ? null : gg.customersUsed(),
				gg == null ? null : gg.converged(), truncate(problem), durationMillis, runId);
	}

	/** Marks a run failed and removes whatever snapshot rows it had written. */
	void fail(long runId, String error) {
		jdbc.update("update value_run set status = 'FAILED', phase = 'DONE', completed_at = ?, error = ? where id = ?",
				Timestamp.from(Instant.now()), truncate(error), runId);
		jdbc.update("delete from value_snapshot where run_id = ?", runId);
	}

	/** Fails the current tenant's runs left running by a node that died (ADR 0016), and clears their rows. */
	void abandonStale() {
		abandonRunsOfDeadNodes(" and tenant_id = " + TenantContext.currentTenant());
	}

	/** Fails every tenant's runs left running by a node that died; returns how many. */
	int abandonRunsOfDeadNodes() {
		return abandonRunsOfDeadNodes("");
	}

	private int abandonRunsOfDeadNodes(String tenantCondition) {
		int abandoned = 0;
		for (Map<String, Object> run : jdbc.queryForList("select id, node_id from value_run where status = 'RUNNING'"
				+ tenantCondition)) {
			if (!nodes.isAlive((String) run.get("node_id"))) {
				fail(((Number) run.get("id")).longValue(), "abandoned: the process running it stopped");
				abandoned++;
			}
		}
		return abandoned;
	}

	/** A run of the current tenant still working, or left by a node whose death is not yet known. */
	public Optional<Run> running() {
		return first(jdbc.query(SELECT + " where tenant_id = ? and status = 'RUNNING' order by id desc", this::run,
				TenantContext.currentTenant()));
	}

	public Optional<Run> current() {
		return first(jdbc.query(SELECT + " where tenant_id = ? and status = 'COMPLETED'"
				+ " order by as_of desc, completed_at desc, id desc fetch first 1 rows only", this::run,
				TenantContext.currentTenant()));
	}

	/** The completed run pages would have shown on a day: the latest with an as-of date on or before it. */
	public Optional<Run> currentOn(LocalDate date) {
		return first(jdbc.query(SELECT + " where tenant_id = ? and status = 'COMPLETED' and as_of <= ?"
				+ " order by as_of desc, completed_at desc, id desc fetch first 1 rows only", this::run,
				TenantContext.currentTenant(), date));
	}

	public Optional<Run> find(long id) {
		return first(jdbc.query(SELECT + " where tenant_id = ? and id = ?", this::run, TenantContext.currentTenant(), id));
	}

	public List<Run> recent(int limit) {
		return jdbc.query(SELECT + " where tenant_id = ? order by id desc fetch first " + limit + " rows only", this::run,
				TenantContext.currentTenant());
	}

	/** Completed runs, oldest first, the latest of each as-of month: the points of trend charts. */
	public List<Run> monthly(int months) {
		List<Run> completed = jdbc.query(SELECT + " where tenant_id = ? and status = 'COMPLETED'"
				+ " order by as_of, completed_at, id", this::run, TenantContext.currentTenant());
		java.util.Map<java.time.YearMonth, Run> byMonth = new java.util.TreeMap<>();
		completed.forEach(r -> byMonth.put(java.time.YearMonth.from(r.asOf()), r));
		List<Run> points = List.copyOf(byMonth.values());
		return points.subList(Math.max(0, points.size() - months), points.size());
	}

	/**
	 * Deletes the snapshot rows of completed runs older than {@code keepDays} that are not the last run of their
	 * as-of month (those feed the trend charts and change reports), and of failed runs.
	 */
	void prune(int keepDays) {
		LocalDate limit = LocalDate.now().minusDays(keepDays);
		java.util.Set<Long> monthly = new java.util.HashSet<>();
		monthly(Integer.MAX_VALUE).forEach(r -> monthly.add(r.id()));
		Run current = current().orElse(null);
		for (Run run : jdbc.query(SELECT + " where tenant_id = ? and status <> 'RUNNING' and as_of < ?", this::run,
				TenantContext.currentTenant(), limit)) {
			boolean keep = run.status() == RunStatus.COMPLETED
					&& (monthly.contains(run.id()) || (current != null && current.id() == run.id()));
			if (!keep) {
				jdbc.update("delete from value_snapshot where run_id = ?", run.id());
				jdbc.update("delete from value_run where id = ?", run.id());
			}
		}
	}

	private Run run(ResultSet rs, int row) throws SQLException {
		return new Run(rs.getLong(1), RunStatus.valueOf(rs.getString(2)), RunTrigger.valueOf(rs.getString(3)),
				rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8),
				instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12),
				(Double) rs.getObject(13, Double.class), rs.getObject(14, Double.class), rs.getObject(15, Double.class),
				rs.getObject(16, Double.class), rs.getObject(17, Double.class), rs.getObject(18, Integer.class),
				rs.getObject(19, Boolean.class), rs.getObject(20, Double.class), rs.getObject(21, Double.class),
				rs.getObject(22, Double.class), rs.getObject(23, Double.class), rs.getObject(24, Integer.class),
				rs.getObject(25, Boolean.class), rs.getInt(26), rs.getInt(27), rs.getInt(28), rs.getInt(29),
				rs.getObject(30, Long.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static <T> Optional<T> first(List<T> rows) {
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
