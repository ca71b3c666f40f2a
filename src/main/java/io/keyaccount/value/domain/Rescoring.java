package io.keyaccount.value.domain;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Rescores every account of the current tenant: one grouped query streams the ledger's per-account, per-day totals
 * into the {@link ValueEngine}, the models are fitted in memory, and the snapshot rows are written in JDBC batches
 * under a run that stays RUNNING until one final update completes it. Pages read only completed runs, so a run
 * that fails, or a node that dies, leaves the previous snapshot in place.
 */
@Service
public class Rescoring {

	private static final Logger log = LoggerFactory.getLogger(Rescoring.class);

	static final int CHUNK = 1000;

	private static final String INSERT = "insert into value_snapshot (tenant_id, run_id, account_id, purchases,"
			+ " first_purchase, last_purchase, revenue, historical_value, current_value, future_value, potential_value,"
			+ " p_alive, expected_purchases, part_historical, part_current, part_future, part_potential, score, tier,"
			+ " resource_class, industry, province_code, size_band) values ";

	private static final int COLUMNS = 23;

	static final int ROWS_PER_INSERT = 50;

	static final int COPY_CHUNK = 20_000;

	/** About the bytes of a snapshot row in COPY's binary format, to size the buffers once. */
	private static final int COPY_ROW_BYTES = 320;

	/** Accounts per ledger query on H2. */
	static final int DAY_RANGE_ACCOUNTS = 20_000;

	/** Ranges of accounts whose ledger is read at the same time on PostgreSQL. */
	static final int READ_STREAMS = 3;

	private static final long FIRST_DAY_SCALE = 10_000_000_000_000L;

	private static final long MARGIN_SCALE = 1_000_000L;

	private final JdbcTemplate jdbc;

	private Boolean postgres;

	private final TransactionTemplate readOnly;

	private final AccountDirectory accounts;

	private final ValueSettingsStore settingsStore;

	private final Runs runs;

	Rescoring(JdbcTemplate jdbc, PlatformTransactionManager transactions, AccountDirectory accounts,
			ValueSettingsStore settingsStore, Runs runs) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.accounts = accounts;
		this.settingsStore = settingsStore;
		this.runs = runs;
	}

	/** Rescores now, in this thread, and returns the completed run's id. */
	public long rescore(RunTrigger trigger, LocalDate asOf, String startedBy) {
		long runId = begin(trigger, asOf, startedBy);
		execute(runId, asOf, done -> {
		});
		return runId;
	}

	/** Records a new run; refuses while another run of the tenant is still working. */
	public long begin(RunTrigger trigger, LocalDate asOf, String startedBy) {
		runs.abandonStale();
		if (runs.running().isPresent()) {
			throw BusinessRuleException.general("value.run.alreadyRunning");
		}
		return runs.start(trigger, asOf, startedBy, settingsStore.load());
	}

	/**
	 * Does the work of a run begun with {@link #begin}. {@code afterChunk} hears how many snapshot rows are written
	 * after each batch; whatever it throws fails the run like any other error.
	 */
	public void execute(long runId, LocalDate asOf, ChunkListener afterChunk) {
		long started = System.nanoTime();
		try {
			ValueSettings settings = settingsStore.load();
			Facts facts;
			ValueEngine engine;
			long accountsRead;
			if (postgres()) {
				// the accounts and the ledger are independent until the engine needs the ids: the ledger's
				// per-account totals are read into a buffer while another connection reads the accounts
				long[] accountsDone = new long[1];
				AccountTotals[] totals = new AccountTotals[1];
				Facts[] read = new Facts[1];
				long tenant = TenantContext.currentTenant();
				List<Runnable> tasks = new ArrayList<>();
				tasks.add(() -> TenantContext.runAs(tenant, () -> {
					// in a transaction the driver streams the rows by the fetch size instead of buffering them all
					read[0] = readOnly.execute(status -> readAccounts());
					accountsDone[0] = System.nanoTime();
				}));
				tasks.add(() -> TenantContext.runAs(tenant, () -> totals[0] = readAccountTotals(settings, asOf)));
				inParallel(tasks);
				facts = read[0];
				engine = new ValueEngine(settings, asOf, facts.ids);
				applyPotential(engine, facts);
				accountsRead = accountsDone[0];
				runs.progress(runId, "READING", 0, engine.size());
				totals[0].addTo(engine);
			}
			else {
				facts = readAccounts();
				engine = new ValueEngine(settings, asOf, facts.ids);
				applyPotential(engine, facts);
				accountsRead = System.nanoTime();
				runs.progress(runId, "READING", 0, engine.size());
				readLedger(engine, settings, asOf);
			}
			long ledgerRead = System.nanoTime();
			runs.progress(runId, "FITTING", 0, engine.size());
			ValueEngine.Scores scores = engine.score();
			long scored = System.nanoTime();
			runs.progress(runId, "WRITING", 0, engine.size());
			write(runId, engine, scores, facts, afterChunk);
			long written = System.nanoTime();
			long millis = (written - started) / 1_000_000;
			runs.complete(runId, engine.daysRead(), scores.bgNbd(), scores.gammaGamma(), scores.fitProblem(), millis);
			// on PostgreSQL the ledger is read while the accounts are: "accounts" is until the accounts were read,
			// "ledger" from then until the ledger's totals are in the engine
			log.info("Rescored {} accounts ({} account-days) of tenant {} as of {} in {} ms (run {}): accounts {} ms,"
					+ " ledger {} ms, fits and scores {} ms, snapshots {} ms", engine.size(), engine.daysRead(),
					TenantContext.currentTenant(), asOf, millis, runId, (accountsRead - started) / 1_000_000,
					(ledgerRead - accountsRead) / 1_000_000, (scored - ledgerRead) / 1_000_000,
					(written - scored) / 1_000_000);
		}
		catch (RuntimeException | Error ex) {
			log.warn("Rescoring run {} failed: {}", runId, ex.toString());
			runs.fail(runId, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			throw ex;
		}
	}

	private Facts readAccounts() {
		Facts facts = new Facts();
		accounts.forEachAccount(row -> facts.add(row.id(), row.industry() == null ? null : row.industry().name(),
				row.provinceCode(), CompanySize.of(row.employees()).name(),
				CategorySpend.estimate(row.industry(), row.employees(), row.annualRevenue())));
		facts.trim();
		return facts;
	}

	private void applyPotential(ValueEngine engine, Facts facts) {
		for (int i = 0; i < engine.size(); i++) {
			engine.describePotential(i, facts.estimatedSpend[i], 0);
		}
		jdbc.query("select account_id, category_spend, reference_value + co_development + industry_influence"
				+ " from value_account_profile where tenant_id = ?", rs -> {
					int i = engine.indexOf(rs.getLong(1));
					if (i >= 0) {
						BigDecimal entered = rs.getBigDecimal(2);
						engine.describePotential(i, entered != null ? entered.doubleValue() : facts.estimatedSpend[i],
								rs.getInt(3));
					}
				}, TenantContext.currentTenant());
	}

	/**
	 * Reads the ledger condensed per account and day (same-day lines are one purchase, refunds net out). Both
	 * databases read it from the covering index {@code ix_value_transaction_rescore} in (account, day) order, without
	 * touching the table, and aggregate as they go.
	 */
	void readLedger(ValueEngine engine, ValueSettings settings, LocalDate asOf) {
		if (postgres()) {
			readAccountTotals(settings, asOf).addTo(engine);
		}
		else {
			readOnly.executeWithoutResult(status -> readDayTotals(engine, settings));
		}
	}

	/**
	 * PostgreSQL: the days condensed per account inside the database, so only one row per account crosses the
	 * wire. The first purchase day and its amount travel as one key, day x 10^13 + cents, whose minimum is the
	 * earliest. Day totals become doubles before the outer level (numeric arithmetic there doubled the query's
	 * time), by way of whole cents and millionths of margin (a default rate has four decimals): the same nearest
	 * double as a direct cast, which goes through the numeric's text and took a third of the query. A day's margin
	 * beyond 9 x 10^12 yuan would fail the run. The outer sums add the days in date order, as H2's fold does.
	 * <p>
	 * A cursor, which the streaming needs, rules out PostgreSQL's parallel query, so the ledger's account ids are
	 * split into {@link #READ_STREAMS} equal ranges (between the smallest and largest id in the ledger) read at the
	 * same time on as many connections, as PostgreSQL's own parallel plan (two workers and the leader) would split
	 * a plain aggregate. The totals do not need the engine, so they are buffered and can be read while the accounts
	 * are; FILTER clauses and one {@code bit_or} for the four recent-quarter flags keep the aggregates per
	 * account-day few.
	 */
	private AccountTotals readAccountTotals(ValueSettings settings, LocalDate asOf) {
		int asOfDay = Math.toIntExact(asOf.toEpochDay());
		int windowStartDay = ValueEngine.windowStartDay(settings, asOf);
		// bit q: a purchase q quarters of 91 days back (the as-of date is the latest day read)
		String sql = "select account_id, count(*), count(*) filter (where amt > 0),"
				+ " min(d * " + FIRST_DAY_SCALE + " + cast(round(amt * 100) as bigint)) filter (where amt > 0),"
				+ " max(d) filter (where amt > 0),"
				+ " coalesce(sum(amt) filter (where amt > 0), 0), sum(amt), sum(mg),"
				+ " coalesce(sum(amt) filter (where d > " + windowStartDay + "), 0),"
				+ " coalesce(sum(mg) filter (where d > " + windowStartDay + "), 0),"
				+ " coalesce(bit_or(1 << ((" + asOfDay + " - d) / 91)) filter (where amt > 0 and d > "
				+ (asOfDay - 4 * 91) + "), 0)"
				+ " from (select account_id, (occurred_on - date '1970-01-01') as d,"
				+ " cast(cast(sum(amount) * 100 as bigint) as double precision) / 100 as amt,"
				+ " cast(cast(sum(coalesce(margin, amount * ?)) * " + MARGIN_SCALE + " as bigint) as double precision) / "
				+ MARGIN_SCALE + " as mg from value_transaction where tenant_id = ?"
				+ " and account_id >= ? and account_id <= ?"
				+ " and deleted_at is null and occurred_on <= ? group by account_id, occurred_on) days group by account_id";
		long tenant = TenantContext.currentTenant();
		Long[] bounds = jdbc.queryForObject(
				"select min(account_id), max(account_id) from value_transaction where tenant_id = ?",
				(rs, row) -> new Long[] { (Long) rs.getObject(1, Long.class), (Long) rs.getObject(2, Long.class) },
				tenant);
		if (bounds == null || bounds[0] == null) {
			return new AccountTotals();
		}
		long min = bounds[0];
		long span = bounds[1] - min + 1;
		int streams = span < READ_STREAMS ? 1 : READ_STREAMS;
		AccountTotals[] parts = new AccountTotals[streams];
		List<Runnable> ranges = new ArrayList<>();
		for (int s = 0; s < streams; s++) {
			long low = s == 0 ? Long.MIN_VALUE : min + span * s / streams;
			long high = s == streams - 1 ? Long.MAX_VALUE : min + span * (s + 1) / streams - 1;
			AccountTotals part = parts[s] = new AccountTotals();
			ranges.add(() -> TenantContext.runAs(tenant, () -> readOnly.executeWithoutResult(status -> {
				// streamed through a cursor, which PostgreSQL would plan for the first rows fast; every row is
				// read, so plan for all of them
				jdbc.execute("set local cursor_tuple_fraction = 1.0");
				jdbc.query(con -> {
					PreparedStatement ps = con.prepareStatement(sql);
					ps.setFetchSize(10_000);
					binaryResults(ps);
					ps.setBigDecimal(1, BigDecimal.valueOf(settings.defaultMarginRate()));
					ps.setLong(2, tenant);
					ps.setLong(3, low);
					ps.setLong(4, high);
					ps.setDate(5, Date.valueOf(asOf));
					return ps;
				}, rs -> {
					int purchaseDays = rs.getInt(3);
					long first = rs.getLong(4);
					part.add(rs.getLong(1), purchaseDays, (int) (first / FIRST_DAY_SCALE),
							(first % FIRST_DAY_SCALE) / 100.0, rs.getInt(5), rs.getDouble(6), rs.getDouble(7),
							rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getInt(11), rs.getLong(2));
				});
			})));
		}
		inParallel(ranges);
		AccountTotals all = new AccountTotals();
		for (AccountTotals part : parts) {
			all.parts.add(part);
		}
		return all;
	}

	/**
	 * Asks the driver for the rows in PostgreSQL's binary format (its {@code setPrepareThreshold(-1)}): parsing a
	 * million rows of six doubles from their text was a tenth of the rescore's CPU.
	 */
	private static void binaryResults(PreparedStatement statement) throws SQLException {
		try {
			Class<?> pgStatement = Class.forName("org.postgresql.PGStatement");
			pgStatement.getMethod("setPrepareThreshold", int.class).invoke(statement.unwrap(pgStatement), -1);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("the PostgreSQL driver's statement options are not available", ex);
		}
	}

	/** Per-account ledger totals as PostgreSQL condensed them, buffered until the engine exists. */
	private static final class AccountTotals {

		final List<AccountTotals> parts = new ArrayList<>();

		long[] id = new long[1024];

		int[] ints = new int[1024 * 4];

		double[] doubles = new double[1024 * 6];

		long[] days = new long[1024];

		int size;

		void add(long accountId, int purchaseDays, int first, double firstAmount, int last, double purchaseTotal,
				double revenueTotal, double marginTotal, double windowRevenueTotal, double windowMarginTotal,
				int quarterMask, long dayCount) {
			if (size == id.length) {
				int capacity = size * 2;
				id = Arrays.copyOf(id, capacity);
				ints = Arrays.copyOf(ints, capacity * 4);
				doubles = Arrays.copyOf(doubles, capacity * 6);
				days = Arrays.copyOf(days, capacity);
			}
			id[size] = accountId;
			ints[size * 4] = purchaseDays;
			ints[size * 4 + 1] = first;
			ints[size * 4 + 2] = last;
			ints[size * 4 + 3] = quarterMask;
			doubles[size * 6] = firstAmount;
			doubles[size * 6 + 1] = purchaseTotal;
			doubles[size * 6 + 2] = revenueTotal;
			doubles[size * 6 + 3] = marginTotal;
			doubles[size * 6 + 4] = windowRevenueTotal;
			doubles[size * 6 + 5] = windowMarginTotal;
			days[size] = dayCount;
			size++;
		}

		void addTo(ValueEngine engine) {
			for (int r = 0; r < size; r++) {
				engine.addAccount(id[r], ints[r * 4], ints[r * 4 + 1], doubles[r * 6], ints[r * 4 + 2],
						doubles[r * 6 + 1], doubles[r * 6 + 2], doubles[r * 6 + 3], doubles[r * 6 + 4],
						doubles[r * 6 + 5], ints[r * 4 + 3], days[r]);
			}
			parts.forEach(part -> part.addTo(engine));
		}

	}

	/**
	 * Runs the tasks on as many threads and waits for all of them, also when one fails (so nothing is still
	 * writing when a failed run's rows are deleted); then the first failure is rethrown.
	 */
	private static void inParallel(List<Runnable> tasks) {
		if (tasks.size() == 1) {
			tasks.get(0).run();
			return;
		}
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			tasks.forEach(task -> running.add(threads.submit(task)));
			Throwable failure = null;
			for (Future<?> task : running) {
				try {
					task.get();
				}
				catch (ExecutionException ex) {
					failure = failure == null ? ex.getCause() : failure;
				}
			}
			if (failure != null) {
				throw unchecked(failure);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("rescore interrupted", ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * H2: one row per account and day, folded in memory. H2 groups in index order without a hash table when the
	 * GROUP BY covers the index's leading columns (hence {@code tenant_id} in it); it would materialise a derived
	 * table of every account-day before an outer GROUP BY. Its lazy execution, which would stream the rows, can
	 * lose pages of a long read ("Chunk not found", h2database issues 4142 and 4383), so the accounts are read
	 * in ranges of {@link #DAY_RANGE_ACCOUNTS}, each result small enough to stay in memory. The as-of date is left
	 * to the engine, which skips later days: a date condition would steer H2 to the date index.
	 */
	private void readDayTotals(ValueEngine engine, ValueSettings settings) {
		String sql = "select account_id, occurred_on, cast(sum(amount) as double precision),"
				+ " cast(sum(coalesce(margin, amount * ?)) as double precision) from value_transaction"
				+ " where tenant_id = ? and account_id >= ? and account_id <= ? and deleted_at is null"
				+ " group by tenant_id, account_id, occurred_on";
		long tenant = TenantContext.currentTenant();
		int n = engine.size();
		for (int from = 0; from < Math.max(n, 1); from += DAY_RANGE_ACCOUNTS) {
			long low = from == 0 ? Long.MIN_VALUE : engine.accountId(from);
			long high = from + DAY_RANGE_ACCOUNTS >= n ? Long.MAX_VALUE : engine.accountId(from + DAY_RANGE_ACCOUNTS) - 1;
			jdbc.query(sql, rs -> {
				engine.addDay(rs.getLong(1), Math.toIntExact(rs.getObject(2, LocalDate.class).toEpochDay()),
						rs.getDouble(3), rs.getDouble(4));
			}, BigDecimal.valueOf(settings.defaultMarginRate()), tenant, low, high);
		}
	}

	private boolean postgres() {
		if (postgres == null) {
			postgres = jdbc.execute((ConnectionCallback<Boolean>) con -> con.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres"));
		}
		return postgres;
	}

	/**
	 * Snapshot rows go out as multi-row inserts of {@link #ROWS_PER_INSERT} accounts, batched {@link #CHUNK} rows at a
	 * time and committed per chunk: a fraction of the round trips of one-row inserts, on H2 and PostgreSQL alike.
	 */
	private void write(long runId, ValueEngine engine, ValueEngine.Scores s, Facts facts, ChunkListener afterChunk) {
		if (postgres()) {
			copy(runId, engine, s, facts, afterChunk);
			return;
		}
		long tenant = TenantContext.currentTenant();
		int n = engine.size();
		String fullInsert = insert(ROWS_PER_INSERT);
		for (int from = 0; from < n; from += CHUNK) {
			int chunkEnd = Math.min(n, from + CHUNK);
			int whole = (chunkEnd - from) / ROWS_PER_INSERT;
			int start = from;
			if (whole > 0) {
				jdbc.batchUpdate(fullInsert, new BatchPreparedStatementSetter() {
					@Override
					public void setValues(PreparedStatement ps, int k) throws SQLException {
						int first = start + k * ROWS_PER_INSERT;
						for (int r = 0; r < ROWS_PER_INSERT; r++) {
							bind(ps, r * COLUMNS, first + r, tenant, runId, engine, s, facts);
						}
					}

					@Override
					public int getBatchSize() {
						return whole;
					}
				});
			}
			int rest = start + whole * ROWS_PER_INSERT;
			if (rest < chunkEnd) {
				jdbc.update(insert(chunkEnd - rest), ps -> {
					for (int i = rest; i < chunkEnd; i++) {
						bind(ps, (i - rest) * COLUMNS, i, tenant, runId, engine, s, facts);
					}
				});
			}
			runs.progress(runId, "WRITING", chunkEnd, n);
			afterChunk.written(chunkEnd);
		}
	}

	/**
	 * On PostgreSQL the snapshot rows stream in with COPY, {@link #COPY_CHUNK} rows a statement (reached through
	 * the driver's {@code PGConnection.getCopyAPI()} by reflection, so the driver stays a runtime dependency), in
	 * COPY's binary format: printing and parsing the numbers as text took most of the time. The next chunk is
	 * encoded on another thread while PostgreSQL takes in the current one. (Two COPY streams over halves of the
	 * accounts measured no faster.)
	 */
	private void copy(long runId, ValueEngine engine, ValueEngine.Scores s, Facts facts, ChunkListener afterChunk) {
		long tenant = TenantContext.currentTenant();
		int n = engine.size();
		String copy = "copy value_snapshot (" + INSERT.substring(INSERT.indexOf('(') + 1, INSERT.indexOf(')'))
				+ ") from stdin with (format binary)";
		ExecutorService encoder = Executors.newSingleThreadExecutor();
		// two buffers in turn: one is encoded while the other's rows go in
		BinaryCopyRows[] buffers = { new BinaryCopyRows(COPY_CHUNK * COPY_ROW_BYTES),
				new BinaryCopyRows(COPY_CHUNK * COPY_ROW_BYTES) };
		try {
			Future<InputStream> next = encoder
				.submit(() -> binaryRows(buffers[0], tenant, runId, engine, s, facts, 0, Math.min(n, COPY_CHUNK)));
			for (int from = 0, chunk = 0; from < n; from += COPY_CHUNK, chunk++) {
				int end = Math.min(n, from + COPY_CHUNK);
				InputStream rows = result(next);
				if (end < n) {
					// the other buffer's rows went in with the previous COPY
					BinaryCopyRows other = buffers[(chunk + 1) % 2];
					next = encoder.submit(
							() -> binaryRows(other, tenant, runId, engine, s, facts, end, Math.min(n, end + COPY_CHUNK)));
				}
				copyIn(copy, rows);
				runs.progress(runId, "WRITING", end, n);
				afterChunk.written(end);
			}
		}
		finally {
			encoder.shutdownNow();
		}
	}

	private static RuntimeException unchecked(Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
		return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
	}

	private static <T> T result(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw unchecked(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("rescore interrupted", ex);
		}
	}

	private void copyIn(String copy, InputStream rows) {
		jdbc.execute((ConnectionCallback<Long>) con -> {
			try {
				Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
				Object api = pgConnection.getMethod("getCopyAPI").invoke(con.unwrap(pgConnection));
				return (Long) api.getClass()
					.getMethod("copyIn", String.class, java.io.InputStream.class)
					.invoke(api, copy, rows);
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				throw new IllegalStateException("COPY of snapshot rows failed", ex.getCause());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("PostgreSQL COPY is not available", ex);
			}
		});
	}

	/** The rows [from, end) as one binary COPY: no number printed or parsed on either side. */
	private static InputStream binaryRows(BinaryCopyRows rows, long tenant, long runId, ValueEngine engine,
			ValueEngine.Scores s, Facts facts, int from, int end) {
		rows.clear();
		for (int i = from; i < end; i++) {
			rows.row(COLUMNS)
				.int8(tenant)
				.int8(runId)
				.int8(engine.accountId(i))
				.int4(s.purchases[i])
				.date(s.firstPurchase(i))
				.date(s.lastPurchase(i))
				.numeric(cents(s.revenue[i]))
				.numeric(cents(s.historical[i]))
				.numeric(cents(s.current[i]))
				.numeric(cents(s.future[i]))
				.numeric(cents(s.potential[i]))
				.float8(s.probabilityAlive[i])
				.float8(s.hasPurchased(i) ? s.expectedPurchases[i] : Double.NaN)
				.float8(s.partHistorical[i])
				.float8(s.partCurrent[i])
				.float8(s.partFuture[i])
				.float8(s.partPotential[i])
				.float8(s.score[i])
				.text(s.tier[i].name())
				.text(s.resourceClass[i].name())
				.text(facts.industry[i])
				.text(facts.province[i])
				.text(facts.sizeBand[i]);
		}
		return rows.finish();
	}

	private static String insert(int rows) {
		String tuple = "(" + String.join(", ", java.util.Collections.nCopies(COLUMNS, "?")) + ")";
		return INSERT + String.join(", ", java.util.Collections.nCopies(rows, tuple));
	}

	private static void bind(PreparedStatement ps, int offset, int i, long tenant, long runId, ValueEngine engine,
			ValueEngine.Scores s, Facts facts) throws SQLException {
		ps.setLong(offset + 1, tenant);
		ps.setLong(offset + 2, runId);
		ps.setLong(offset + 3, engine.accountId(i));
		ps.setInt(offset + 4, s.purchases[i]);
		setDate(ps, offset + 5, s.firstPurchase(i));
		setDate(ps, offset + 6, s.lastPurchase(i));
		ps.setBigDecimal(offset + 7, money(s.revenue[i]));
		ps.setBigDecimal(offset + 8, money(s.historical[i]));
		ps.setBigDecimal(offset + 9, money(s.current[i]));
		ps.setBigDecimal(offset + 10, money(s.future[i]));
		ps.setBigDecimal(offset + 11, money(s.potential[i]));
		setDouble(ps, offset + 12, s.probabilityAlive[i]);
		setDouble(ps, offset + 13, s.hasPurchased(i) ? s.expectedPurchases[i] : Double.NaN);
		ps.setDouble(offset + 14, s.partHistorical[i]);
		ps.setDouble(offset + 15, s.partCurrent[i]);
		ps.setDouble(offset + 16, s.partFuture[i]);
		ps.setDouble(offset + 17, s.partPotential[i]);
		ps.setDouble(offset + 18, s.score[i]);
		ps.setString(offset + 19, s.tier[i].name());
		ps.setString(offset + 20, s.resourceClass[i].name());
		ps.setString(offset + 21, facts.industry[i]);
		ps.setString(offset + 22, facts.province[i]);
		ps.setString(offset + 23, facts.sizeBand[i]);
	}

	private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
		if (date == null) {
			ps.setNull(index, Types.DATE);
		}
		else {
			ps.setDate(index, Date.valueOf(date));
		}
	}

	private static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
		if (Double.isNaN(value)) {
			ps.setNull(index, Types.DOUBLE);
		}
		else {
			ps.setDouble(index, value);
		}
	}

	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(cents(value), 2);
	}

	/**
	 * The value in cents, rounded half up as {@code BigDecimal.valueOf(value).setScale(2, HALF_UP)} rounds it, without
	 * its decimal string (a third of the snapshot writing): only a value within far more than the floating-point
	 * error of half a cent takes the exact way.
	 */
	static long cents(double value) {
		double hundredfold = Math.abs(value) * 100;
		double fraction = hundredfold - Math.floor(hundredfold);
		double tolerance = 1e-6 + hundredfold * 1e-13;
		if (hundredfold < 1e15 && Math.abs(fraction - 0.5) > tolerance) {
			long cents = (long) Math.floor(hundredfold + 0.5);
			return value < 0 ? -cents : cents;
		}
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
	}

	/** Hears the progress of the snapshot writing; tests use it to break a run midway. */
	@FunctionalInterface
	public interface ChunkListener {

		void written(int rowsWritten);

	}

	/** The accounts' facts in id order, as columns. */
	private static final class Facts {

		long[] ids = new long[1024];

		String[] industry = new String[1024];

		String[] province = new String[1024];

		String[] sizeBand = new String[1024];

		double[] estimatedSpend = new double[1024];

		int size;

		private final Map<String, String> provinceCodes = new HashMap<>();

		void add(long id, String industryName, String provinceCode, String size, double spend) {
			if (this.size == ids.length) {
				int capacity = ids.length * 2;
				ids = Arrays.copyOf(ids, capacity);
				industry = Arrays.copyOf(industry, capacity);
				province = Arrays.copyOf(province, capacity);
				sizeBand = Arrays.copyOf(sizeBand, capacity);
				estimatedSpend = Arrays.copyOf(estimatedSpend, capacity);
			}
			ids[this.size] = id;
			industry[this.size] = industryName;
			// one instance per code: a million strings surviving every young collection cost pauses
			province[this.size] = provinceCode == null ? null : provinceCodes.computeIfAbsent(provinceCode, code -> code);
			sizeBand[this.size] = size;
			estimatedSpend[this.size] = spend;
			this.size++;
		}

		void trim() {
			ids = Arrays.copyOf(ids, size);
		}

	}

}
