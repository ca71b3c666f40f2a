package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.customer.AccountDirectory.VisibleAccounts;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.value.domain.ChangeKind.State;

/**
 * The read side of the value module: every query reads one completed run's snapshot, joined to the accounts the
 * signed-in user may see, so dashboards, lists and exports agree with the data scope and never show a run that
 * is still being written.
 */
@Service
@Transactional(readOnly = true)
public class ValueReports {

	public static final Set<String> SORTABLE = Set.of("score", "historical", "current", "future", "potential", "name",
			"lastPurchase");

	private static final Map<String, String> SORT_COLUMNS = Map.of("score", "s.score", "historical",
			"s.historical_value", "current", "s.current_value", "future", "s.future_value", "potential",
			"s.potential_value", "name", "a.name", "lastPurchase", "s.last_purchase");

	private static final String ROW = "select s.account_id, a.name, a.owner_user_id, s.industry, s.province_code,"
			+ " s.size_band, s.purchases, s.first_purchase, s.last_purchase, s.revenue, s.historical_value,"
			+ " s.current_value, s.future_value, s.potential_value, s.p_alive, s.expected_purchases, s.part_historical,"
			+ " s.part_current, s.part_future, s.part_potential, s.score, s.tier, s.resource_class";

	private final JdbcTemplate jdbc;

	private final AccountDirectory accounts;

	private final Runs runs;

	ValueReports(JdbcTemplate jdbc, AccountDirectory accounts, Runs runs) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.runs = runs;
	}

	public Optional<Run> currentRun() {
		return runs.current();
	}

	// ---- lists

	public Page<ScoreRow> accounts(ScoreQuery query, Pageable pageable) {
		Optional<Run> run = runOf(query);
		if (run.isEmpty()) {
			return Page.empty(pageable);
		}
		List<Object> args = new ArrayList<>();
		String from = from(run.get(), query, args);
		Long total = jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
		String order = pageable.getSort().stream().findFirst()
			.filter(o -> SORT_COLUMNS.containsKey(o.getProperty()))
			.map(o -> SORT_COLUMNS.get(o.getProperty()) + (o.isAscending() ? " asc" : " desc"))
			.orElse("s.score desc");
		args.add(pageable.getOffset());
		args.add(pageable.getPageSize());
		List<ScoreRow> rows = jdbc.query(ROW + from + " order by " + order + ", s.account_id offset ? rows fetch next ? rows only",
				(rs, n) -> row(rs, run.get()), args.toArray());
		return new PageImpl<>(rows, pageable, total == null ? 0 : total);
	}

	/** The scored accounts of one account, when the user can see it. */
	public Optional<ScoreRow> account(long accountId) {
		Optional<Run> run = runs.current();
		if (run.isEmpty()) {
			return Optional.empty();
		}
		List<Object> args = new ArrayList<>();
		String from = from(run.get(), ScoreQuery.all(), args);
		args.add(accountId);
		return jdbc.query(ROW + from + " and s.account_id = ?", (rs, n) -> row(rs, run.get()), args.toArray())
			.stream()
			.findFirst();
	}

	/** Score and tier of one account in every completed run, one point per as-of date, oldest first. */
	public List<TrendPoint> trend(long accountId) {
		Map<LocalDate, TrendPoint> byDate = new TreeMap<>();
		jdbc.query("select r.as_of, s.score, s.tier, s.resource_class, s.current_value from value_snapshot s"
				+ " join value_run r on r.id = s.run_id where s.tenant_id = ? and s.account_id = ?"
				+ " and r.status = 'COMPLETED' order by r.as_of, r.completed_at, r.id", rs -> {
					LocalDate asOf = rs.getObject(1, LocalDate.class);
					byDate.put(asOf, new TrendPoint(asOf, rs.getDouble(2), Tier.valueOf(rs.getString(3)),
							ResourceClass.valueOf(rs.getString(4)), rs.getBigDecimal(5)));
				}, TenantContext.currentTenant(), accountId);
		return List.copyOf(byDate.values());
	}

	// ---- dashboard

	public Overview overview(ScoreQuery query) {
		Optional<Run> run = runOf(query);
		if (run.isEmpty()) {
			return Overview.EMPTY;
		}
		List<Object> args = new ArrayList<>();
		String from = from(run.get(), query, args);
		Object[] bind = args.toArray();
		Map<Tier, TierTotal> tiers = new EnumMap<>(Tier.class);
		for (Tier tier : Tier.values()) {
			tiers.put(tier, new TierTotal(tier, 0, BigDecimal.ZERO, BigDecimal.ZERO));
		}
		jdbc.query("select s.tier, count(*), sum(s.current_value), sum(s.historical_value)" + from + " group by s.tier",
				rs -> {
					Tier tier = Tier.valueOf(rs.getString(1));
					tiers.put(tier, new TierTotal(tier, rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
				}, bind);
		Map<ResourceClass, Long> classes = new EnumMap<>(ResourceClass.class);
		for (ResourceClass c : ResourceClass.values()) {
			classes.put(c, 0L);
		}
		jdbc.query("select s.resource_class, count(*)" + from + " group by s.resource_class",
				rs -> {
					classes.put(ResourceClass.valueOf(rs.getString(1)), rs.getLong(2));
				}, bind);
		Totals totals = jdbc.queryForObject("select count(*), coalesce(sum(s.historical_value), 0),"
				+ " coalesce(sum(s.current_value), 0), coalesce(sum(s.future_value), 0),"
				+ " coalesce(sum(s.potential_value), 0)" + from,
				(rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5)),
				bind);
		return new Overview(run.get(), totals, List.copyOf(tiers.values()), classes, pareto(from, bind));
	}

	/** Share of margin (current window) against share of accounts that earned any, best accounts first. */
	private Pareto pareto(String from, Object[] bind) {
		List<Double> margins = new ArrayList<>();
		jdbc.query("select s.current_value" + from + " and s.current_value > 0 order by s.current_value desc", rs -> {
			margins.add(rs.getDouble(1));
		}, bind);
		int n = margins.size();
		if (n == 0) {
			return new Pareto(0, 0, List.of());
		}
		double total = margins.stream().mapToDouble(Double::doubleValue).sum();
		double[] cumulative = new double[n + 1];
		for (int i = 0; i < n; i++) {
			cumulative[i + 1] = cumulative[i] + margins.get(i);
		}
		List<double[]> points = new ArrayList<>();
		for (int step = 0; step <= 50; step++) {
			int accountsCounted = (int) Math.round(n * step / 50.0);
			points.add(new double[] { step * 2.0, Math.round(1000 * cumulative[accountsCounted] / total) / 10.0 });
		}
		int top = Math.max(1, (int) Math.ceil(n * 0.2));
		return new Pareto(n, cumulative[top] / total, points);
	}

	/** Accounts as points of the value–potential matrix (the best {@code limit} by score), and each quadrant's count. */
	public Matrix matrix(ScoreQuery query, int limit) {
		Optional<Run> run = runOf(query);
		if (run.isEmpty()) {
			return new Matrix(List.of(), Map.of());
		}
		List<Object> args = new ArrayList<>();
		String from = from(run.get(), query, args);
		List<MatrixPoint> points = new ArrayList<>();
		Map<Quadrant, Long> counts = new EnumMap<>(Quadrant.class);
		for (Quadrant q : Quadrant.values()) {
			counts.put(q, 0L);
		}
		String valueAxis = valueAxis(run.get());
		jdbc.query("select s.account_id, a.name, " + valueAxis + ", s.part_potential, s.tier" + from
				+ " order by s.score desc", rs -> {
					double value = rs.getDouble(3);
					double potential = rs.getDouble(4);
					counts.merge(Quadrant.of(value, potential), 1L, Long::sum);
					if (points.size() < limit) {
						points.add(new MatrixPoint(rs.getLong(1), rs.getString(2), Math.round(value * 10) / 10.0,
								Math.round(potential * 10) / 10.0, Tier.valueOf(rs.getString(5))));
					}
				}, args.toArray());
		return new Matrix(points, counts);
	}

	/** 目标客户: how many accounts of each class every segment holds. */
	public ClassMatrix classes(SegmentDimension dimension, ScoreQuery query) {
		Optional<Run> run = runOf(query);
		if (run.isEmpty()) {
			return new ClassMatrix(dimension, Map.of());
		}
		List<Object> args = new ArrayList<>();
		String from = from(run.get(), query, args);
		Map<String, Map<ResourceClass, Long>> segments = new TreeMap<>();
		jdbc.query("select coalesce(s." + dimension.column() + ", ''), s.resource_class, count(*)" + from + " group by s."
				+ dimension.column() + ", s.resource_class", rs -> {
					segments.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(ResourceClass.class))
						.put(ResourceClass.valueOf(rs.getString(2)), rs.getLong(3));
				}, args.toArray());
		Map<String, Map<ResourceClass, Long>> sorted = new LinkedHashMap<>();
		segments.entrySet()
			.stream()
			.sorted(Comparator.comparingLong(
					(Map.Entry<String, Map<ResourceClass, Long>> e) -> -e.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return new ClassMatrix(dimension, sorted);
	}

	/** Accounts per class in the monthly runs of the last {@code months} months: the movements over time. */
	public List<ClassCount> classTrend(int months) {
		List<Run> points = runs.monthly(months);
		if (points.isEmpty()) {
			return List.of();
		}
		VisibleAccounts visible = accounts.visibleAccounts();
		List<Object> args = new ArrayList<>(visible.args());
		StringBuilder ids = new StringBuilder();
		for (Run run : points) {
			ids.append(ids.length() == 0 ? "?" : ", ?");
			args.add(run.id());
		}
		Map<Long, Map<ResourceClass, Long>> byRun = new LinkedHashMap<>();
		jdbc.query("select s.run_id, s.resource_class, count(*) from value_snapshot s join (" + visible.sql()
				+ ") a on a.id = s.account_id where s.run_id in (" + ids + ") group by s.run_id, s.resource_class", rs -> {
					byRun.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ResourceClass.class))
						.put(ResourceClass.valueOf(rs.getString(2)), rs.getLong(3));
				}, args.toArray());
		return points.stream()
			.map(run -> new ClassCount(run.asOf(), byRun.getOrDefault(run.id(), Map.of())))
			.toList();
	}

	// ---- changes

	/**
	 * 客户变化 between two dates, like a stock movement report: each date's snapshot is the last completed run on or
	 * before it; accounts are new, reactivated, upgraded, downgraded, lost or unchanged, with the change of their
	 * current value. {@code kind} picks the rows to list (all changed rows when null).
	 */
	public Changes changes(LocalDate from, LocalDate to, ChangeKind kind) {
		Optional<Run> before = runs.currentOn(from);
		Optional<Run> after = runs.currentOn(to);
		Map<ChangeKind, ChangeTotal> totals = new EnumMap<>(ChangeKind.class);
		for (ChangeKind k : ChangeKind.values()) {
			totals.put(k, new ChangeTotal(k, 0, BigDecimal.ZERO));
		}
		List<ChangeRow> rows = new ArrayList<>();
		if (after.isEmpty()) {
			return new Changes(before.orElse(null), null, List.copyOf(totals.values()), rows);
		}
		VisibleAccounts visible = accounts.visibleAccounts();
		List<Object> args = new ArrayList<>(visible.args());
		args.add(before.map(Run::id).orElse(-1L));
		args.add(after.get().id());
		jdbc.query("select s2.account_id, a.name, s2.resource_class, s2.tier, s2.current_value, s2.score,"
				+ " s1.resource_class, s1.tier, s1.current_value, s1.score from value_snapshot s2 join (" + visible.sql()
				+ ") a on a.id = s2.account_id left join value_snapshot s1 on s1.run_id = ? and s1.account_id = s2.account_id"
				+ " where s2.run_id = ?", rs -> {
					State now = new State(ResourceClass.valueOf(rs.getString(3)), Tier.valueOf(rs.getString(4)));
					String beforeClass = rs.getString(7);
					State then = beforeClass == null ? null
							: new State(ResourceClass.valueOf(beforeClass), Tier.valueOf(rs.getString(8)));
					BigDecimal valueNow = rs.getBigDecimal(5);
					BigDecimal valueThen = beforeClass == null ? BigDecimal.ZERO : rs.getBigDecimal(9);
					BigDecimal moved = valueNow.subtract(valueThen);
					ChangeKind change = ChangeKind.between(then, now);
					totals.computeIfPresent(change, (k, t) -> new ChangeTotal(k, t.count() + 1, t.valueMoved().add(moved)));
					if (change == kind || (kind == null && change != ChangeKind.UNCHANGED)) {
						rows.add(new ChangeRow(rs.getLong(1), rs.getString(2), change, then, now, valueThen, valueNow,
								moved, beforeClass == null ? null : rs.getDouble(10), rs.getDouble(6)));
					}
				}, args.toArray());
		rows.sort(Comparator.comparing((ChangeRow r) -> r.valueMoved().abs()).reversed());
		return new Changes(before.orElse(null), after.get(), List.copyOf(totals.values()), rows);
	}

	// ---- helpers

	/** The run a query reads: today's, or the one current on its as-of date. */
	public Optional<Run> runOf(ScoreQuery query) {
		return query.asOf() == null ? runs.current() : runs.currentOn(query.asOf());
	}

	private String from(Run run, ScoreQuery query, List<Object> args) {
		VisibleAccounts visible = accounts.visibleAccounts();
		args.addAll(visible.args());
		StringBuilder sql = new StringBuilder(" from value_snapshot s join (" + visible.sql()
				+ ") a on a.id = s.account_id where s.run_id = ?");
		args.add(run.id());
		if (StringUtils.hasText(query.keyword())) {
			sql.append(" and a.name like ?");
			args.add("%" + query.keyword().trim() + "%");
		}
		if (query.tier() != null) {
			sql.append(" and s.tier = ?");
			args.add(query.tier().name());
		}
		if (query.resourceClass() != null) {
			sql.append(" and s.resource_class = ?");
			args.add(query.resourceClass().name());
		}
		if (query.industry() != null) {
			sql.append(" and s.industry = ?");
			args.add(query.industry().name());
		}
		if (StringUtils.hasText(query.provinceCode())) {
			sql.append(" and s.province_code = ?");
			args.add(query.provinceCode());
		}
		if (query.size() != null) {
			sql.append(" and s.size_band = ?");
			args.add(query.size().name());
		}
		if (query.ownerUserId() != null) {
			sql.append(" and a.owner_user_id = ?");
			args.add(query.ownerUserId());
		}
		if (query.quadrant() != null) {
			String valueAxis = valueAxis(run);
			sql.append(" and ").append(valueAxis).append(query.quadrant().highValue() ? " >= ?" : " < ?");
			args.add(Quadrant.SPLIT);
			sql.append(" and s.part_potential").append(query.quadrant().highPotential() ? " >= ?" : " < ?");
			args.add(Quadrant.SPLIT);
		}
		if (query.topShare() != null) {
			topShare(run, query, sql, args);
		}
		return sql.toString();
	}

	/**
	 * Keeps the best {@code topShare} percent of the accounts with current margin, counted as the 80/20 curve
	 * counts them, so a click on its point at x % lists the accounts left of it (ties at the cut stay in).
	 */
	private void topShare(Run run, ScoreQuery query, StringBuilder sql, List<Object> args) {
		int share = Math.max(1, Math.min(100, query.topShare()));
		List<Object> baseArgs = new ArrayList<>();
		String base = from(run, query.withoutTopShare(), baseArgs) + " and s.current_value > 0";
		Long buyers = jdbc.queryForObject("select count(*)" + base, Long.class, baseArgs.toArray());
		long counted = Math.max(1, Math.round((buyers == null ? 0 : buyers) * share / 100.0));
		baseArgs.add(counted - 1);
		BigDecimal cut = jdbc.query("select s.current_value" + base
				+ " order by s.current_value desc offset ? rows fetch next 1 rows only",
				rs -> rs.next() ? rs.getBigDecimal(1) : null, baseArgs.toArray());
		sql.append(" and s.current_value > 0 and s.current_value >= ?");
		args.add(cut == null ? BigDecimal.ZERO : cut);
	}

	/** The value axis of the matrix: the historical, current and future parts weighted as in the run. */
	private static String valueAxis(Run run) {
		int total = run.weightHistorical() + run.weightCurrent() + run.weightFuture();
		if (total == 0) {
			return "(s.part_historical + s.part_current + s.part_future) / 3.0";
		}
		return "((s.part_historical * " + run.weightHistorical() + " + s.part_current * " + run.weightCurrent()
				+ " + s.part_future * " + run.weightFuture() + ") / " + total + ".0)";
	}

	private static ScoreRow row(ResultSet rs, Run run) throws SQLException {
		double h = rs.getDouble(17);
		double c = rs.getDouble(18);
		double f = rs.getDouble(19);
		double p = rs.getDouble(20);
		int total = run.weightHistorical() + run.weightCurrent() + run.weightFuture();
		double value = total == 0 ? (h + c + f) / 3
				: (h * run.weightHistorical() + c * run.weightCurrent() + f * run.weightFuture()) / total;
		String size = rs.getString(6);
		return new ScoreRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				size == null ? CompanySize.UNKNOWN : CompanySize.valueOf(size), rs.getInt(7),
				rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getBigDecimal(10),
				rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
				rs.getObject(15, Double.class), rs.getObject(16, Double.class), h, c, f, p, rs.getDouble(21),
				Tier.valueOf(rs.getString(22)), ResourceClass.valueOf(rs.getString(23)), Quadrant.of(value, p));
	}

	// ---- views

	public record Totals(long accounts, BigDecimal historical, BigDecimal current, BigDecimal future,
			BigDecimal potential) {
	}

	public record TierTotal(Tier tier, long accounts, BigDecimal current, BigDecimal historical) {
	}

	/**
	 * @param buyers accounts with margin in the current window
	 * @param topFifthShare share of that margin the best fifth of them brought
	 * @param points (share of accounts %, cumulative share of margin %)
	 */
	public record Pareto(int buyers, double topFifthShare, List<double[]> points) {
	}

	public record Overview(Run run, Totals totals, List<TierTotal> tiers, Map<ResourceClass, Long> classes,
			Pareto pareto) {

		static final Overview EMPTY = new Overview(null, null, List.of(), Map.of(), new Pareto(0, 0, List.of()));

	}

	public record MatrixPoint(long accountId, String name, double value, double potential, Tier tier) {
	}

	public record Matrix(List<MatrixPoint> points, Map<Quadrant, Long> counts) {
	}

	public record ClassMatrix(SegmentDimension dimension, Map<String, Map<ResourceClass, Long>> segments) {
	}

	public record ClassCount(LocalDate asOf, Map<ResourceClass, Long> counts) {
	}

	public record TrendPoint(LocalDate asOf, double score, Tier tier, ResourceClass resourceClass, BigDecimal current) {
	}

	public record ChangeTotal(ChangeKind kind, long count, BigDecimal valueMoved) {
	}

	public record ChangeRow(long accountId, String name, ChangeKind kind, State before, State after,
			BigDecimal valueBefore, BigDecimal valueAfter, BigDecimal valueMoved, Double scoreBefore, double scoreAfter) {
	}

	public record Changes(Run before, Run after, List<ChangeTotal> totals, List<ChangeRow> rows) {
	}

}
