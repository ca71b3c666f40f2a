package io.keyaccount.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;

/**
 * Generates the bench data and bulk-loads it into a database the app has migrated and filled with the demo
 * company: H2 {@code CSVREAD}, PostgreSQL {@code COPY}. Also moves the id sequence past the loaded rows and
 * stores the bench's API token. Usage: {@code LoadCustomers <dataDir> <accounts> <seed>} with the database in
 * the {@code bench.*} system properties.
 */
public final class LoadCustomers {

	/** Demo users who own accounts, and their shares: front-line sales most, some elsewhere in the company. */
	private static final Map<String, Integer> OWNER_SHARES = Map.of("liuyang", 17, "huangting", 17, "zhengkai", 17,
			"chenjing", 17, "zhaolei", 17, "liming", 5, "wangjianguo", 5, "zhoufang", 5);

	private LoadCustomers() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int accounts = Integer.parseInt(args[1]);
		long seed = Long.parseLong(args[2]);
		BenchDb db = BenchDb.fromSystemProperties();
		Files.createDirectories(dir);
		migrate(db);
		try (Connection c = db.connect()) {
			long loaded = BenchDb.scalar(c, "select count(*) from account where id >= ? and id < ?",
					CustomerData.ACCOUNT_ID_BASE, CustomerData.CONTACT_ID_BASE);
			if (loaded == accounts) {
				System.out.printf("bench data already loaded: %,d accounts%n", loaded);
			}
			else if (loaded != 0) {
				throw new IllegalStateException(loaded + " bench accounts present, expected 0 or " + accounts
						+ ": recreate the bench database (run-customer.sh --fresh)");
			}
			else {
				load(db, c, dir, accounts, seed);
			}
			prepareForApp(db, c);
		}
	}

	/**
	 * Applies the jar's migrations that the bench database lacks (a new index, say), so that the SQL reference,
	 * measured before the app starts, sees the same schema as the app.
	 */
	private static void migrate(BenchDb db) {
		long t0 = System.nanoTime();
		var result = org.flywaydb.core.Flyway.configure()
			.dataSource(db.url, db.user, db.password)
			.locations("classpath:db/migration")
			// A bench database outlives branches: one merged later may bring a migration numbered below the last.
			.outOfOrder(true)
			.load()
			.migrate();
		if (result.migrationsExecuted > 0) {
			System.out.printf("applied %d migration(s), now at %s, in %.1f s%n", result.migrationsExecuted,
					result.targetSchemaVersion, seconds(t0));
		}
	}

	private static void load(BenchDb db, Connection c, Path dir, int accounts, long seed) throws Exception {
		BenchDb.Staff director = BenchDb.staff(c, BenchDb.BENCH_USER);
		List<CustomerData.Owner> owners = new ArrayList<>();
		for (var entry : OWNER_SHARES.entrySet()) {
			BenchDb.Staff s = BenchDb.staff(c, entry.getKey());
			owners.add(new CustomerData.Owner(s.userId(), s.unitId(), entry.getKey(), entry.getValue()));
		}
		owners.sort(java.util.Comparator.comparing(CustomerData.Owner::username));
		Path accountsCsv = dir.resolve("accounts-" + db.kind + "-" + accounts + ".csv");
		Path contactsCsv = dir.resolve("contacts-" + db.kind + "-" + accounts + ".csv");
		long t0 = System.nanoTime();
		long contacts = new CustomerData(director.tenantId(), owners, Instant.parse("2026-11-20T08:00:00Z"))
			.write(accounts, seed, accountsCsv, contactsCsv);
		System.out.printf("generated %,d accounts and %,d contacts in %.1f s (%,d + %,d MB of CSV)%n", accounts,
				contacts, seconds(t0), Files.size(accountsCsv) >> 20, Files.size(contactsCsv) >> 20);
		c.setAutoCommit(false);
		t0 = System.nanoTime();
		long rows = initialLoad(db, c, "account", CustomerData.ACCOUNT_COLUMNS, accountsCsv);
		System.out.printf("loaded %,d accounts in %.1f s%n", rows, seconds(t0));
		t0 = System.nanoTime();
		rows = initialLoad(db, c, "contact", CustomerData.CONTACT_COLUMNS, contactsCsv);
		System.out.printf("loaded %,d contacts in %.1f s%n", rows, seconds(t0));
		c.setAutoCommit(true);
		t0 = System.nanoTime();
		try (Statement s = c.createStatement()) {
			if (db.postgres()) {
				s.execute("vacuum analyze account");
				s.execute("vacuum analyze contact");
			}
			else {
				s.execute("analyze");
			}
		}
		System.out.printf("analyzed in %.1f s%n", seconds(t0));
	}

	/**
	 * PostgreSQL: one COPY. H2: JDBC batches committed every 10,000 rows with referential checks off (the rows are
	 * consistent by construction), because H2 slows to a crawl in one transaction of millions of rows.
	 */
	private static long initialLoad(BenchDb db, Connection c, String table, String columns, Path csv) throws Exception {
		if (db.postgres()) {
			long rows = bulkLoad(db, c, table, columns, csv);
			c.commit();
			return rows;
		}
		try (Statement s = c.createStatement()) {
			s.execute("set referential_integrity false");
			try {
				return batchLoad(c, table, columns, csv);
			}
			finally {
				s.execute("set referential_integrity true");
			}
		}
	}

	/** The database's own bulk load of a CSV file into a table; returns the rows loaded. */
	static long bulkLoad(BenchDb db, Connection c, String table, String columns, Path csv) throws Exception {
		if (db.postgres()) {
			try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
				return c.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv, header true)", reader);
			}
		}
		String file = csv.toAbsolutePath().toString().replace("'", "''");
		try (Statement s = c.createStatement()) {
			return s.executeUpdate("insert into " + table + " (" + columns + ") select * from csvread('" + file
					+ "', null, 'charset=UTF-8')");
		}
	}

	/** JDBC batches of CSV lines, committed every 10,000 rows (H2 slows down in one huge transaction). */
	static long batchLoad(Connection c, String table, String columns, Path csv) throws Exception {
		int n = columns.split(",").length;
		String marks = String.join(",", java.util.Collections.nCopies(n, "?"));
		long rows = 0;
		try (java.io.BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				PreparedStatement insert = c.prepareStatement(
						"insert into " + table + " (" + columns + ") values (" + marks + ")")) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				List<String> fields = CsvLine.parse(line);
				for (int k = 0; k < n; k++) {
					insert.setString(k + 1, fields.get(k));
				}
				insert.addBatch();
				if (++rows % 1000 == 0) {
					insert.executeBatch();
				}
				if (rows % 10_000 == 0) {
					c.commit();
				}
			}
			insert.executeBatch();
			c.commit();
		}
		return rows;
	}

	/** Ids above every bench row for the app, and the bench user's API token (stored as its SHA-256 digest). */
	private static void prepareForApp(BenchDb db, Connection c) throws SQLException {
		long next = 100_000_000L;
		try (Statement s = c.createStatement()) {
			long current = BenchDb.scalar(c, "select max(id) from account");
			next = Math.max(next, current + 1000);
			if (db.postgres()) {
				s.execute("select setval('ka_seq', " + next + ")");
			}
			else {
				s.execute("alter sequence ka_seq restart with " + next);
			}
		}
		BenchDb.Staff director = BenchDb.staff(c, BenchDb.BENCH_USER);
		String hash = BenchDb.sha256(BenchDb.TOKEN);
		try (PreparedStatement delete = c.prepareStatement("delete from api_token where token_hash = ?");
				PreparedStatement insert = c.prepareStatement("""
						insert into api_token (tenant_id, id, user_id, name, token_hash, token_prefix, created_at)
						values (?, ?, ?, ?, ?, ?, ?)""")) {
			delete.setString(1, hash);
			delete.executeUpdate();
			insert.setLong(1, director.tenantId());
			insert.setLong(2, 99_999_999L);
			insert.setLong(3, director.userId());
			insert.setString(4, "customer bench");
			insert.setString(5, hash);
			insert.setString(6, BenchDb.TOKEN.substring(0, 10));
			insert.setTimestamp(7, Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
	}

	static double seconds(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

}
