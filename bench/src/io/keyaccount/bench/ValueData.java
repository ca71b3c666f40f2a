package io.keyaccount.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.sql.DataSource;

/**
 * The value bench's data: accounts and a ledger with a long tail, generated from a fixed seed so that H2 and
 * PostgreSQL hold the same rows, and bulk-loaded (PostgreSQL {@code COPY}, H2 JDBC batches).
 * <p>
 * Accounts: ids from {@link #FIRST_ID}, industry, province, head count and (for two in three) revenue. 30 % never
 * bought (potential customers); the buyers' line counts follow a Pareto law (alpha 1.1), so a few thousand
 * accounts hold a large share of the ledger and most have a handful of lines. Each buyer starts somewhere in the
 * last six years (more recently more often), 40 % stopped buying at some point; lines fall on random days of the
 * active span, one in six on the same day as the previous line (an order of several lines), amounts log-normal
 * around the account's own order size, 3 % refunds (negative), 30 % without a margin (the default rate applies).
 * Rows are inserted in date order, as a ledger fills up.
 */
final class ValueData {

	static final long FIRST_ID = 100_000_000L;

	private static final String[] INDUSTRIES = { "TELECOM", "IT", "MANUFACTURING", "ENERGY", "TRANSPORT", "FINANCE",
			"GOVERNMENT", "EDUCATION", "HEALTHCARE", "RETAIL", "CONSTRUCTION", "OTHER" };

	private static final String[] PROVINCES = { "310000", "110000", "440000", "330000", "320000", "370000", "510000",
			"420000", "350000", "430000", "410000", "130000", "610000", "500000", "120000", "210000" };

	private static final int DAYS = 6 * 365;

	private final int accounts;

	private final long transactions;

	private final LocalDate today;

	private final long seed;

	ValueData(int accounts, long transactions, LocalDate today, long seed) {
		this.accounts = accounts;
		this.transactions = transactions;
		this.today = today;
		this.seed = seed;
	}

	/** The generated ledger, column by column, in date order. */
	static final class Lines {

		int[] account;

		int[] day;

		long[] amountCents;

		/** Long.MIN_VALUE: no margin entered. */
		long[] marginCents;

		byte[] source;

		int size;

	}

	Lines ledger() {
		SplittableRandom random = new SplittableRandom(seed);
		int[] counts = lineCounts(random);
		long total = 0;
		for (int c : counts) {
			total += c;
		}
		int n = Math.toIntExact(total);
		Lines raw = new Lines();
		raw.account = new int[n];
		raw.day = new int[n];
		raw.amountCents = new long[n];
		raw.marginCents = new long[n];
		raw.source = new byte[n];
		int todayDay = (int) today.toEpochDay();
		int k = 0;
		for (int a = 0; a < accounts; a++) {
			if (counts[a] == 0) {
				continue;
			}
			// starts: more recent starts more often (square of a uniform number)
			double u = random.nextDouble();
			int start = todayDay - (int) (DAYS * (1 - u * u));
			int end = todayDay;
			if (random.nextDouble() < 0.4) {
				end = start + (int) ((todayDay - start) * random.nextDouble());
			}
			double orderSize = Math.exp(Math.log(6000) + 1.0 * random.nextGaussian());
			double marginRate = 0.12 + 0.35 * random.nextDouble();
			byte source = (byte) (random.nextDouble() < 0.8 ? 0 : 1);
			int previousDay = start;
			for (int i = 0; i < counts[a]; i++) {
				int day = i > 0 && random.nextInt(6) == 0 ? previousDay : start + random.nextInt(end - start + 1);
				double amount = orderSize * Math.exp(0.6 * random.nextGaussian() - 0.18);
				if (random.nextInt(100) < 3) {
					amount = -amount * random.nextDouble();
				}
				long cents = Math.round(amount * 100);
				if (cents == 0) {
					cents = 100;
				}
				raw.account[k] = a;
				raw.day[k] = day;
				raw.amountCents[k] = cents;
				raw.marginCents[k] = random.nextInt(10) < 3 ? Long.MIN_VALUE
						: Math.round(cents * marginRate * (0.8 + 0.4 * random.nextDouble()));
				raw.source[k] = source;
				previousDay = day;
				k++;
			}
		}
		raw.size = k;
		return inDateOrder(raw);
	}

	/** 30 % of accounts with no line, the others at least one and a Pareto-distributed share of the rest. */
	private int[] lineCounts(SplittableRandom random) {
		double[] weight = new double[accounts];
		int buyers = 0;
		double totalWeight = 0;
		for (int a = 0; a < accounts; a++) {
			if (random.nextDouble() < 0.3) {
				continue;
			}
			// Pareto, alpha 1.1, capped so one account cannot take more than about 0.05 % of the ledger
			weight[a] = Math.min(5000, Math.pow(1 - random.nextDouble(), -1 / 1.1));
			totalWeight += weight[a];
			buyers++;
		}
		if (buyers == 0 || transactions < buyers) {
			throw new IllegalArgumentException("need at least one transaction per buying account: " + buyers);
		}
		long rest = transactions - buyers;
		int[] counts = new int[accounts];
		long assigned = 0;
		for (int a = 0; a < accounts; a++) {
			if (weight[a] > 0) {
				counts[a] = 1 + (int) (rest * weight[a] / totalWeight);
				assigned += counts[a];
			}
		}
		// the rounding remainder, one line each to buyers in turn
		for (int a = 0; assigned < transactions; a = (a + 1) % accounts) {
			if (counts[a] > 0) {
				counts[a]++;
				assigned++;
			}
		}
		return counts;
	}

	private static Lines inDateOrder(Lines raw) {
		long[] keys = new long[raw.size];
		for (int i = 0; i < raw.size; i++) {
			keys[i] = ((long) raw.day[i] << 32) | i;
		}
		Arrays.parallelSort(keys);
		Lines sorted = new Lines();
		sorted.size = raw.size;
		sorted.account = new int[raw.size];
		sorted.day = new int[raw.size];
		sorted.amountCents = new long[raw.size];
		sorted.marginCents = new long[raw.size];
		sorted.source = new byte[raw.size];
		for (int j = 0; j < raw.size; j++) {
			int i = (int) keys[j];
			sorted.account[j] = raw.account[i];
			sorted.day[j] = raw.day[i];
			sorted.amountCents[j] = raw.amountCents[i];
			sorted.marginCents[j] = raw.marginCents[i];
			sorted.source[j] = raw.source[i];
		}
		return sorted;
	}

	// ---- loading

	private static final String ACCOUNT_COLUMNS = "tenant_id, id, name, normalized_name, industry, province_code,"
			+ " employees, annual_revenue, status, owner_user_id, owner_unit_id, created_at, updated_at";

	private static final String LEDGER_COLUMNS = "tenant_id, account_id, occurred_on, amount, margin, source,"
			+ " reference, created_at, updated_at";

	private static final String PROFILE_COLUMNS = "tenant_id, account_id, category_spend, reference_value,"
			+ " co_development, industry_influence, created_at, updated_at";

	void load(DataSource dataSource, boolean postgres, long tenant, long owner, long unit) throws SQLException {
		long started = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			loadAccounts(c, postgres, tenant, owner, unit);
			System.out.printf("  %,d accounts and their profiles loaded in %.0f s%n", accounts,
					(System.nanoTime() - started) / 1e9);
			long ledgerStarted = System.nanoTime();
			Lines lines = ledger();
			System.out.printf("  %,d ledger lines generated in %.0f s%n", lines.size,
					(System.nanoTime() - ledgerStarted) / 1e9);
			ledgerStarted = System.nanoTime();
			if (postgres) {
				copyLedger(c, lines, tenant);
			}
			else {
				insertLedger(c, lines, tenant);
			}
			System.out.printf("  ledger loaded in %.0f s%n", (System.nanoTime() - ledgerStarted) / 1e9);
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				long analyse = System.nanoTime();
				if (postgres) {
					s.execute("vacuum analyze account");
					s.execute("vacuum analyze value_transaction");
					s.execute("vacuum analyze value_account_profile");
				}
				else {
					s.execute("analyze");
				}
				System.out.printf("  analysed in %.0f s%n", (System.nanoTime() - analyse) / 1e9);
			}
		}
	}

	private void loadAccounts(Connection c, boolean postgres, long tenant, long owner, long unit) throws SQLException {
		SplittableRandom random = new SplittableRandom(seed + 1);
		String now = "2026-01-01 00:00:00+08";
		Timestamp nowTs = Timestamp.valueOf("2026-01-01 00:00:00");
		StringBuilder csv = new StringBuilder();
		StringBuilder profiles = new StringBuilder();
		try (PreparedStatement account = postgres ? null
				: c.prepareStatement("insert into account (" + ACCOUNT_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)");
				PreparedStatement profile = postgres ? null
						: c.prepareStatement("insert into value_account_profile (" + PROFILE_COLUMNS
								+ ") values (?,?,?,?,?,?,?,?)")) {
			for (int a = 0; a < accounts; a++) {
				long id = FIRST_ID + a;
				String name = "价值基准客户" + a;
				String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
				String province = PROVINCES[Math.min(PROVINCES.length - 1, (int) (-Math.log(random.nextDouble()) * 4))];
				int employees = (int) Math.min(500_000, Math.exp(Math.log(80) + 1.5 * random.nextGaussian())) + 1;
				BigDecimal revenue = random.nextInt(3) == 0 ? null
						: BigDecimal.valueOf(Math.round(employees * 400_000 * Math.exp(0.5 * random.nextGaussian())));
				String status = random.nextInt(10) < 7 ? "CUSTOMER" : "POTENTIAL";
				// one account in fifty has a manager's ratings, half of those an entered category spend
				boolean rated = random.nextInt(50) == 0;
				BigDecimal spend = rated && random.nextBoolean()
						? BigDecimal.valueOf(Math.round(Math.exp(Math.log(200_000) + random.nextGaussian()))) : null;
				int[] ratings = { random.nextInt(6), random.nextInt(6), random.nextInt(6) };
				if (postgres) {
					csv.append(tenant).append(',').append(id).append(',').append(name).append(',').append(name)
						.append(',').append(industry).append(',').append(province).append(',').append(employees)
						.append(',').append(revenue == null ? "" : revenue.toPlainString()).append(',').append(status)
						.append(',').append(owner).append(',').append(unit).append(',').append(now).append(',')
						.append(now).append('\n');
					if (rated) {
						profiles.append(tenant).append(',').append(id).append(',')
							.append(spend == null ? "" : spend.toPlainString()).append(',').append(ratings[0])
							.append(',').append(ratings[1]).append(',').append(ratings[2]).append(',').append(now)
							.append(',').append(now).append('\n');
					}
					if (csv.length() > 16_000_000) {
						copy(c, "account", ACCOUNT_COLUMNS, csv);
					}
				}
				else {
					account.setLong(1, tenant);
					account.setLong(2, id);
					account.setString(3, name);
					account.setString(4, name);
					account.setString(5, industry);
					account.setString(6, province);
					account.setInt(7, employees);
					account.setBigDecimal(8, revenue);
					account.setString(9, status);
					account.setLong(10, owner);
					account.setLong(11, unit);
					account.setTimestamp(12, nowTs);
					account.setTimestamp(13, nowTs);
					account.addBatch();
					if (rated) {
						profile.setLong(1, tenant);
						profile.setLong(2, id);
						profile.setBigDecimal(3, spend);
						profile.setInt(4, ratings[0]);
						profile.setInt(5, ratings[1]);
						profile.setInt(6, ratings[2]);
						profile.setTimestamp(7, nowTs);
						profile.setTimestamp(8, nowTs);
						profile.addBatch();
					}
					if ((a + 1) % 10_000 == 0) {
						account.executeBatch();
						profile.executeBatch();
						c.commit();
					}
				}
			}
			if (postgres) {
				copy(c, "account", ACCOUNT_COLUMNS, csv);
				copy(c, "value_account_profile", PROFILE_COLUMNS, profiles);
			}
			else {
				account.executeBatch();
				profile.executeBatch();
			}
			c.commit();
		}
	}

	private static final String[] SOURCES = { "ORDER", "IMPORT" };

	private void copyLedger(Connection c, Lines lines, long tenant) throws SQLException {
		String now = "2026-01-01 00:00:00+08";
		StringBuilder csv = new StringBuilder(64 << 20);
		for (int i = 0; i < lines.size; i++) {
			csv.append(tenant).append(',').append(FIRST_ID + lines.account[i]).append(',')
				.append(LocalDate.ofEpochDay(lines.day[i])).append(',');
			cents(csv, lines.amountCents[i]).append(',');
			if (lines.marginCents[i] != Long.MIN_VALUE) {
				cents(csv, lines.marginCents[i]);
			}
			csv.append(',').append(SOURCES[lines.source[i]]).append(',');
			if (lines.source[i] == 0) {
				csv.append("SO").append(1_000_000_000L + i);
			}
			csv.append(',').append(now).append(',').append(now).append('\n');
			if (csv.length() > 60_000_000) {
				copy(c, "value_transaction", LEDGER_COLUMNS, csv);
				c.commit();
			}
		}
		copy(c, "value_transaction", LEDGER_COLUMNS, csv);
		c.commit();
	}

	private static StringBuilder cents(StringBuilder out, long cents) {
		if (cents < 0) {
			out.append('-');
			cents = -cents;
		}
		long fraction = cents % 100;
		return out.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
	}

	private void insertLedger(Connection c, Lines lines, long tenant) throws SQLException {
		Timestamp now = Timestamp.valueOf("2026-01-01 00:00:00");
		try (PreparedStatement ps = c.prepareStatement(
				"insert into value_transaction (" + LEDGER_COLUMNS + ") values (?,?,?,?,?,?,?,?,?)")) {
			for (int i = 0; i < lines.size; i++) {
				ps.setLong(1, tenant);
				ps.setLong(2, FIRST_ID + lines.account[i]);
				ps.setDate(3, Date.valueOf(LocalDate.ofEpochDay(lines.day[i])));
				ps.setBigDecimal(4, BigDecimal.valueOf(lines.amountCents[i], 2));
				if (lines.marginCents[i] == Long.MIN_VALUE) {
					ps.setNull(5, Types.NUMERIC);
				}
				else {
					ps.setBigDecimal(5, BigDecimal.valueOf(lines.marginCents[i], 2));
				}
				ps.setString(6, SOURCES[lines.source[i]]);
				ps.setString(7, lines.source[i] == 0 ? "SO" + (1_000_000_000L + i) : null);
				ps.setTimestamp(8, now);
				ps.setTimestamp(9, now);
				ps.addBatch();
				if ((i + 1) % 10_000 == 0) {
					ps.executeBatch();
					c.commit();
					if ((i + 1) % 1_000_000 == 0) {
						System.out.printf("  %,d lines%n", i + 1);
					}
				}
			}
			ps.executeBatch();
			c.commit();
		}
	}

	/** PostgreSQL COPY through the driver's CopyManager; empties the buffer. */
	private static void copy(Connection c, String table, String columns, StringBuilder csv) throws SQLException {
		if (csv.length() == 0) {
			return;
		}
		try {
			org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
			Reader reader = new StringReader(csv.toString());
			copy.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)", reader);
		}
		catch (IOException ex) {
			throw new SQLException(ex);
		}
		csv.setLength(0);
	}

}
