package io.keyaccount.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Measures the customer module in two phases of one run, both while the app runs. {@code sql}: the bare SQL (and
 * index query) each API call stands for ({@link CustomerReferences}), over JDBC on loopback (for H2 through the app's
 * automatic server): medians and throughput. {@code api}: the same calls through the running app's REST API with a
 * personal API token, then the API's single requests alternated with the reference's ({@link Measure#paired}),
 * whose medians give the ratios; prints the table.
 *
 * <pre>CustomerBench sql &lt;results.properties&gt; indexDir [--quick] [--skip-import]
 *     [--only list,detail,create,search,import]
 * CustomerBench api &lt;results.properties&gt; baseUrl indexDir [--quick] [--skip-import]
 *     [--only list,detail,create,search,import]</pre>
 */
public final class CustomerBench {

	/** Provinces with the most generated accounts (上海 北京 广东 浙江 江苏 四川 重庆 湖北 山东 福建). */
	static final String[] PROVINCES = { "310000", "110000", "440000", "330000", "320000", "510000", "500000", "420000",
			"370000", "350000" };

	static final String[] STATUSES = { "CUSTOMER", "POTENTIAL", "INTENT", "DORMANT", "LOST" };

	/** Scenario → goal (requests per second under 8 connections), in table order. */
	static final Map<String, Integer> GOALS = new LinkedHashMap<>();

	static {
		GOALS.put("list (filtered, sorted)", 300);
		GOALS.put("list (default page, 全部)", 300);
		GOALS.put("detail", 300);
		GOALS.put("create", 150);
		GOALS.put("search, 2 characters (华达 …)", 200);
		GOALS.put("search, 4 characters (华达科技 …)", 200);
		GOALS.put("search, pinyin initials (shhd …)", 200);
	}

	static final String[] TWO = { "华达", "明华", "信远", "恒通", "博联" };

	static final String[] FOUR = { "华达科技", "明华网络", "信远信息", "恒通物流", "博联电子" };

	static final String[] INITIALS = { "shhd", "bjmh", "szxy", "hzht", "gzbl" };

	static final int IMPORT_ROWS = Integer.getInteger("bench.importRows", 100_000);

	/** Bulk loads of the import's rows timed for the reference, whose median counts. */
	static final int IMPORT_REFERENCE_RUNS = Integer.getInteger("bench.importReferenceRuns", 3);

	/** The scenario groups {@code --only} and {@code --skip-import} choose from. */
	static final List<String> GROUPS = List.of("list", "list-filtered", "list-default", "detail", "create", "search",
			"import");

	/** The scenario groups this run measures. */
	private static java.util.Set<String> selected = new java.util.LinkedHashSet<>(GROUPS);

	private CustomerBench() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		boolean quick = options.contains("--quick");
		int only = options.indexOf("--only");
		if (only >= 0) {
			selected = new java.util.LinkedHashSet<>(List.of(args[only + 1].split(",")));
			if (!GROUPS.containsAll(selected)) {
				throw new IllegalArgumentException("--only takes some of " + GROUPS + ", not " + args[only + 1]);
			}
		}
		if (options.contains("--skip-import")) {
			selected.remove("import");
		}
		Path results = Path.of(args[1]);
		Measure measure = new Measure(Measure.Settings.of(quick));
		if (args[0].equals("sql")) {
			sqlPhase(BenchDb.fromSystemProperties(), Path.of(args[2]), measure, results);
		}
		else {
			apiPhase(args[2], Path.of(args[3]), measure, results);
		}
	}

	/** Whether this run measures the searches: chosen, and not skipped with {@code -Dbench.skipSearch=true}. */
	static boolean measuresSearch() {
		return measures("search") && !Boolean.getBoolean("bench.skipSearch");
	}

	/** Whether this run measures the scenario group ({@code list}, {@code detail}, …). */
	static boolean measures(String group) {
		return selected.contains(group) || group.startsWith("list-") && selected.contains("list");
	}

	// ---- parameters shared by both phases

	/** Province and status rotate (50 combinations), so no database can answer from a cached result. */
	static String listFilter(long i) {
		return "provinceCode=" + PROVINCES[(int) (i % PROVINCES.length)] + "&status="
				+ STATUSES[(int) (i / PROVINCES.length % STATUSES.length)] + "&sort=createdAt&dir=desc&size=20";
	}

	/** A new account for create call {@code i}; {@code stream} keeps the reference's and the API's rows apart. */
	record NewAccount(String name, String shortName, String creditCode, String industry, String provinceCode,
			String cityCode, int employees, long revenue, String address, String phone) {

		/**
		 * Characters no generated brand has: a brand of four of them names a company the million accounts do not
		 * hold, so that create creates. A brand of the generated characters was one character from an existing
		 * name nearly every time, and create answered with the duplicate warning instead (until the seventh
		 * session). The fourth character is a check on the other three, so that two of the run's brands differ in
		 * two characters at least and its companies are not near one another either.
		 */
		private static final String NEW_BRAND_CHARS = "珑琰瑾璟昶翊煜珈玥琛瑜珩璇钰淼灏沐芃骞翀彧昕晗澜颢楠榕桦栩槿";

		static NewAccount of(ChineseCompanies names, long runStamp, int stream, long i) {
			// seeds of consecutive calls, mixed: java.util.Random's first draws from neighbouring seeds are nearly
			// the same, which gave a run's companies the same city and trade
			Random random = new Random(new SplittableRandom(runStamp * 31 + stream * 1_000_003L + i).nextLong());
			ChineseCompanies.City city = names.city(random);
			int n = NEW_BRAND_CHARS.length();
			int mark = (int) Math.floorMod(runStamp * 7_919L + stream * 104_729L + i, (long) n * n * n);
			int a = mark / n / n;
			int b = mark / n % n;
			int c = mark % n;
			String brand = new String(new char[] { NEW_BRAND_CHARS.charAt(a), NEW_BRAND_CHARS.charAt(b),
					NEW_BRAND_CHARS.charAt(c), NEW_BRAND_CHARS.charAt((a + b + c) % n) });
			ChineseCompanies.Trade trade = names.trade(random);
			long serial = 2_000_000_000L + (runStamp % 100_000) * 100_000 * 2 + stream * 100_000L + i % 100_000;
			int employees = 10 + random.nextInt(500);
			return new NewAccount(names.companyName(city, brand, trade, random), brand + trade.words().substring(0, 2),
					ChineseCompanies.creditCode(city.code(), serial), trade.industry(), city.provinceCode(), city.code(),
					employees, employees * 300_000L, city.name() + "市高新区科技路" + (1 + random.nextInt(999)) + "号",
					"0571-8" + (1000000 + random.nextInt(8999999)));
		}

		String json() {
			return "{\"name\":\"" + name + "\",\"shortName\":\"" + shortName + "\",\"creditCode\":\"" + creditCode
					+ "\",\"industry\":\"" + industry + "\",\"provinceCode\":\"" + provinceCode + "\",\"cityCode\":\""
					+ cityCode + "\",\"employees\":" + employees + ",\"annualRevenue\":" + revenue + ",\"ownershipType\":"
					+ "\"PRIVATE\",\"address\":\"" + address + "\",\"phone\":\"" + phone + "\",\"source\":\"WEBSITE\","
					+ "\"status\":\"POTENTIAL\",\"tags\":[\"展会线索\"]}";
		}

	}

	// ---- phase 1: the bare SQL

	private static void sqlPhase(BenchDb db, Path indexRoot, Measure measure, Path resultsFile) throws Exception {
		Properties out = new Properties();
		long runStamp = Instant.now().getEpochSecond() / 60;
		out.setProperty("run.stamp", Long.toString(runStamp));
		out.setProperty("sql.db", db.postgres() ? "PostgreSQL COPY" : "H2 CSVREAD");
		out.setProperty("sql.started", Instant.now().toString());
		out.setProperty("sql.load", loadAverage());
		List<Connection> connections = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			connections.add(db.connect());
		}
		try {
			Connection first = connections.get(0);
			if (db.postgres()) {
				vacuum(first);
			}
			BenchDb.Staff me = BenchDb.staff(first, BenchDb.BENCH_USER);
			List<Long> ids = detailIds(first, me);
			out.setProperty("detail.ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
			out.setProperty("accounts", Long.toString(BenchDb.scalar(first, "select count(*) from account")));
			out.setProperty("contacts", Long.toString(BenchDb.scalar(first, "select count(*) from contact")));
			System.out.printf("bare SQL over JDBC (%s), %s accounts, %s contacts%n", db.kind, out.get("accounts"),
					out.get("contacts"));
			try (CustomerReferences references = new CustomerReferences(db, connections, indexRoot, me, ids, runStamp, 1)) {
				for (String scenario : GOALS.keySet()) {
					Measure.Call call = references.call(scenario);
					if (call != null) {
						put(out, scenario, measure.run(scenario, call));
					}
				}
			}
			if (measures("create")) {
				removeCreatedRows(db, first);
			}
			if (measures("import")) {
				importReference(db, first, me, runStamp, resultsFile.getParent(), out);
			}
		}
		finally {
			for (Connection c : connections) {
				c.close();
			}
		}
		out.setProperty("sql.load.end", loadAverage());
		try (Writer w = Files.newBufferedWriter(resultsFile, StandardCharsets.UTF_8)) {
			out.store(w, "customer bench, bare SQL phase");
		}
	}

	/**
	 * Vacuums the tables the runs write, so that every run starts from the same state: each run's creates and
	 * deletes leave dead rows, and autovacuum may be off (it is on the bench machines). In the ninth session seven
	 * runs had left 345,000 dead rows in account and 306,000 in audit_event.
	 */
	private static void vacuum(Connection c) throws SQLException {
		long t0 = System.nanoTime();
		try (var s = c.createStatement()) {
			for (String table : List.of("account", "audit_event", "contact")) {
				s.execute("vacuum (analyze) " + table);
			}
		}
		System.out.printf("vacuumed account, audit_event and contact in %.1f s%n", (System.nanoTime() - t0) / 1e9);
	}

	/** The database's own bulk load of the rows an import of {@link #IMPORT_ROWS} rows creates; then removed. */
	private static void importReference(BenchDb db, Connection c, BenchDb.Staff me, long runStamp, Path dir,
			Properties out) throws Exception {
		List<CustomerData.Owner> owners = new ArrayList<>();
		for (String username : List.of("liuyang", "huangting", "zhengkai", "chenjing", "zhaolei")) {
			BenchDb.Staff s = BenchDb.staff(c, username);
			owners.add(new CustomerData.Owner(s.userId(), s.unitId(), username, 1));
		}
		ImportData.Files3 files = ImportData.write(dir, IMPORT_ROWS, runStamp, me, owners);
		out.setProperty("import.file", files.upload().toString());
		removeImportRows(db, c);
		// one bulk load varied by half between runs on identical data: the reference is the median of several
		double[] runs = new double[IMPORT_REFERENCE_RUNS];
		for (int run = 0; run < runs.length; run++) {
			long t0 = System.nanoTime();
			long rows = LoadCustomers.bulkLoad(db, c, "account", ImportData.ACCOUNT_COLUMNS, files.accounts());
			rows += LoadCustomers.bulkLoad(db, c, "contact", ImportData.CONTACT_COLUMNS, files.contacts());
			runs[run] = LoadCustomers.seconds(t0);
			System.out.printf("  %-28s %,d accounts + contacts in %.1f s: %,.0f accounts/s%n",
					db.postgres() ? "COPY" : "CSVREAD", rows, runs[run], IMPORT_ROWS / runs[run]);
			removeImportRows(db, c);
		}
		double[] sorted = runs.clone();
		java.util.Arrays.sort(sorted);
		double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
		out.setProperty("sql.import.seconds", Double.toString(median));
		out.setProperty("sql.import.runs", java.util.Arrays.toString(runs));
	}

	/**
	 * Removes the reference's created accounts and their audit rows again (and those of runs before this change), so
	 * that the app's search index still matches the database at the next start instead of being rebuilt (13 minutes
	 * at a million accounts).
	 */
	private static void removeCreatedRows(BenchDb db, Connection c) throws SQLException {
		try (var s = c.createStatement()) {
			s.execute(db.postgres() ? "set session_replication_role = replica" : "set referential_integrity false");
			try {
				s.executeUpdate("delete from audit_event where entity_type = 'Account' and entity_id >= 90000000"
						+ " and entity_id < 99000000");
				s.executeUpdate("delete from account where id >= 90000000 and id < 99000000");
			}
			finally {
				s.execute(db.postgres() ? "set session_replication_role = default" : "set referential_integrity true");
			}
		}
	}

	/**
	 * Removes the bulk-loaded rows again (and any a stopped run left behind), with the foreign-key checks off: the
	 * rows are the bench's own and nothing refers to them, but checking {@code contact.reports_to_id}, which has no
	 * index, scans the whole contact table once per deleted row (hours at 3,000,000 contacts).
	 */
	private static void removeImportRows(BenchDb db, Connection c) throws SQLException {
		try (var s = c.createStatement()) {
			s.execute(db.postgres() ? "set session_replication_role = replica" : "set referential_integrity false");
			try {
				s.executeUpdate("delete from contact where id >= " + ImportData.CONTACT_ID_BASE + " and id < "
						+ (ImportData.CONTACT_ID_BASE + IMPORT_ROWS));
				s.executeUpdate("delete from account where id >= " + ImportData.ACCOUNT_ID_BASE + " and id < "
						+ (ImportData.ACCOUNT_ID_BASE + IMPORT_ROWS));
			}
			finally {
				s.execute(db.postgres() ? "set session_replication_role = default" : "set referential_integrity true");
			}
		}
	}

	/** Accounts the bench user sees: every 97th bench account of the sales units, in id order. */
	private static List<Long> detailIds(Connection c, BenchDb.Staff me) throws SQLException {
		List<Long> ids = new ArrayList<>();
		String units = me.visibleUnits().stream().map(String::valueOf).collect(Collectors.joining(","));
		try (PreparedStatement s = c.prepareStatement("select id from account where id >= " + CustomerData.ACCOUNT_ID_BASE
				+ " and id < " + CustomerData.CONTACT_ID_BASE + " and mod(id, 97) = 0 and owner_unit_id in (" + units
				+ ") and in_pool = false and deleted_at is null order by id");
				ResultSet rs = s.executeQuery()) {
			while (rs.next() && ids.size() < 5000) {
				ids.add(rs.getLong(1));
			}
		}
		Collections.shuffle(ids, new Random(7));
		return ids;
	}

	private static void put(Properties out, String scenario, Measure.Result result) {
		out.setProperty("sql." + scenario, result.encode());
	}

	// ---- phase 2: the API

	private static void apiPhase(String baseUrl, Path indexRoot, Measure measure, Path resultsFile) throws Exception {
		Properties props = new Properties();
		try (Reader r = Files.newBufferedReader(resultsFile, StandardCharsets.UTF_8)) {
			props.load(r);
		}
		props.setProperty("api.load", loadAverage());
		long runStamp = Long.parseLong(props.getProperty("run.stamp"));
		List<Long> ids = List.of(props.getProperty("detail.ids").split(",")).stream().map(Long::valueOf).toList();
		Api api = new Api(URI.create(baseUrl), 8);
		System.out.printf("API over HTTP at %s as %s%n", baseUrl, BenchDb.BENCH_USER);
		Map<String, Measure.Call> calls = new LinkedHashMap<>();
		if (measures("list-filtered")) {
			calls.put("list (filtered, sorted)", (w, i) -> api.get(w, "/api/v1/accounts?" + listFilter(i)) == 200);
		}
		if (measures("list-default")) {
			calls.put("list (default page, 全部)", (w, i) -> api.get(w, "/api/v1/accounts?page=" + i % 10) == 200);
		}
		if (measures("detail")) {
			calls.put("detail", (w, i) -> api.get(w, "/api/v1/accounts/" + ids.get((int) (i % ids.size()))) == 200);
		}
		ChineseCompanies names = new ChineseCompanies();
		java.util.Queue<Long> created = new java.util.concurrent.ConcurrentLinkedQueue<>();
		if (measures("create")) {
			calls.put("create", (w, i) -> {
				PlainHttp.Response response = api.post(w, "/api/v1/accounts", NewAccount.of(names, runStamp, 2, i).json());
				if (response.status() == 422 && response.text().contains("account.possibleDuplicates")) {
					api.duplicateWarnings.incrementAndGet();
					return true;
				}
				if (response.status() == 201) {
					created.add(Long.valueOf(response.text().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1")));
					return true;
				}
				return false;
			});
		}
		if (measuresSearch()) {
			String[][] terms = { TWO, FOUR, INITIALS };
			String[] searches = GOALS.keySet().stream().filter(k -> k.startsWith("search")).toArray(String[]::new);
			for (int k = 0; k < searches.length; k++) {
				String[] t = terms[k];
				calls.put(searches[k], (w, i) -> api.get(w, "/api/v1/accounts?keyword="
						+ java.net.URLEncoder.encode(t[(int) (i % t.length)], StandardCharsets.UTF_8)) == 200);
			}
		}
		else {
			System.out.println("search not measured in this run");
		}
		Map<String, Measure.Result> results = new LinkedHashMap<>();
		BenchDb db = BenchDb.fromSystemProperties();
		List<Connection> connections = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			connections.add(db.connect());
		}
		BenchDb.Staff me = BenchDb.staff(connections.get(0), BenchDb.BENCH_USER);
		try (CustomerReferences references = new CustomerReferences(db, connections, indexRoot, me, ids, runStamp, 3)) {
			for (var e : calls.entrySet()) {
				results.put(e.getKey(), measure.run(e.getKey(), e.getValue()));
				Measure.Paired paired = measure.paired(e.getKey(), references.call(e.getKey()), e.getValue());
				props.setProperty("paired." + e.getKey(), paired.encode());
			}
		}
		finally {
			if (measures("create")) {
				removeCreatedRows(db, connections.get(0));
			}
			for (Connection c : connections) {
				c.close();
			}
		}
		if (measures("create")) {
			long warnings = api.duplicateWarnings.get();
			System.out.printf("create: %d of the calls were answered with a duplicate warning (422)%n", warnings);
			if (warnings > created.size() / 100) {
				System.out.println("create: WARNING: more than 1 % duplicate warnings, so the figure is mostly theirs;"
						+ " accounts an earlier run left behind take the new names");
			}
			// through the API, so that the search index follows: a later run's names would otherwise be near these
			// (in the ninth session runs left 18,000 behind, and most creates of the next runs were warnings)
			long t0 = System.nanoTime();
			int kept = 0;
			for (Long id : created) {
				if (api.delete("/api/v1/accounts/" + id) != 204) {
					kept++;
				}
			}
			System.out.printf("create: moved the %d created accounts to the recycle bin again in %.0f s%s%n",
					created.size() - kept, (System.nanoTime() - t0) / 1e9,
					kept == 0 ? "" : "; WARNING: " + kept + " could not be deleted and stay");
		}
		if (measures("import")) {
			importThroughApi(api, props);
		}
		else {
			System.out.println("import not measured in this run (--skip-import / --only)");
		}
		api.close();
		props.setProperty("api.load.end", loadAverage());
		for (var e : results.entrySet()) {
			props.setProperty("api." + e.getKey(), e.getValue().encode());
		}
		try (Writer w = Files.newBufferedWriter(resultsFile, StandardCharsets.UTF_8)) {
			props.store(w, "customer bench");
		}
		String table = table(props, results);
		System.out.println();
		System.out.println(table);
		Files.writeString(Path.of(resultsFile.toString().replace(".properties", ".md")), table);
	}

	/** One import of the upload file through the API, timed against the bulk load of the same rows. */
	private static void importThroughApi(Api api, Properties props) throws Exception {
		Path file = Path.of(props.getProperty("import.file"));
		long t0 = System.nanoTime();
		PlainHttp.Response response = api.upload("/api/v1/accounts/import?keepGoodRows=true&duplicatesConfirmed=true",
				file);
		double seconds = LoadCustomers.seconds(t0);
		String body = response.text();
		String imported = body.replaceAll("(?s).*\"importedAccounts\":(\\d+).*", "$1");
		System.out.printf("  import through the API: HTTP %d, %s accounts imported in %.1f s%n", response.status(),
				imported, seconds);
		props.setProperty("api.import.seconds", Double.toString(seconds));
		props.setProperty("api.import.status", response.status() + " " + imported);
	}

	static String importTable(Properties props) {
		if (props.getProperty("api.import.seconds") == null) {
			return "";
		}
		double sql = Double.parseDouble(props.getProperty("sql.import.seconds"));
		double app = Double.parseDouble(props.getProperty("api.import.seconds"));
		return String.format("%n| import %,d rows (CSV, one contact per row) | API | %s | speed ratio (goal ≥ 0.10) |%n"
				+ "| --- | ---: | ---: | ---: |%n| seconds | %.1f | %.1f | %.3f %s |%n| accounts/s | %,.0f | %,.0f | |%n"
				+ "| API answer | HTTP %s accounts imported | | |%n", IMPORT_ROWS,
				props.getProperty("sql.db", "bulk load") + ", median of " + props.getProperty("sql.import.runs", "[?]"),
				app, sql, sql / app, sql / app >= 0.1 ? "✓" : "✗", IMPORT_ROWS / app, IMPORT_ROWS / sql,
				props.getProperty("api.import.status"));
	}

	static String table(Properties props, Map<String, Measure.Result> api) {
		StringBuilder t = new StringBuilder();
		t.append(String.format("%s accounts, %s contacts; load average %s (SQL phase) → %s (API phase) → %s (end)%n%n",
				props.getProperty("accounts"), props.getProperty("contacts"), props.getProperty("sql.load"),
				props.getProperty("api.load"), props.getProperty("api.load.end")));
		t.append("Medians paired: the reference's and the API's single requests alternated in the API phase (ratio of"
				+ " the medians; in brackets, the median of the rounds' ratios). Apart: each measured in its own phase.\n\n");
		t.append("| scenario | API median ms | SQL median ms | ratio (goal ≤ 5×) | medians apart: API, SQL, ratio "
				+ "| API req/s, 8 conn (goal) | API p99 ms (goal ≤ 100) | SQL req/s, 8 conn | failed |\n");
		t.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (var e : api.entrySet()) {
			Measure.Result a = e.getValue();
			String pairedText = props.getProperty("paired." + e.getKey());
			if (props.getProperty("sql." + e.getKey()) == null || pairedText == null) {
				continue;
			}
			Measure.Result s = Measure.Result.decode(props.getProperty("sql." + e.getKey()));
			Measure.Paired p = Measure.Paired.decode(pairedText);
			int goal = GOALS.get(e.getKey());
			t.append(String.format("| %s | %.2f | %.2f | %.1f× %s (%.1f×) | %.2f, %.2f, %.1f× | %.0f (%d) %s | %.1f %s "
					+ "| %.0f | %d |%n", e.getKey(), p.apiMs(), p.referenceMs(), p.ratio(), p.ratio() <= 5 ? "✓" : "✗",
					p.medianRoundRatio(), a.medianMs(), s.medianMs(), a.medianMs() / s.medianMs(), a.throughput(), goal,
					a.throughput() >= goal ? "✓" : "✗", a.p99Ms(), a.p99Ms() <= 100 ? "✓" : "✗", s.throughput(),
					a.failures()));
		}
		t.append(importTable(props));
		return t.toString();
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/**
	 * The bench user's HTTP calls, with the personal API token: one keep-alive connection per worker (the
	 * sequential calls and the clean-up use worker 0's).
	 */
	static final class Api {

		private static final String[] HEADERS = { "Authorization: Bearer " + BenchDb.TOKEN, "Accept: application/json" };

		private static final String[] JSON_HEADERS = { HEADERS[0], HEADERS[1],
				"Content-Type: application/json; charset=UTF-8" };

		private final URI base;

		private final PlainHttp[] connections;

		final java.util.concurrent.atomic.AtomicLong duplicateWarnings = new java.util.concurrent.atomic.AtomicLong();

		Api(URI base, int workers) {
			this.base = base;
			connections = new PlainHttp[workers];
			for (int w = 0; w < workers; w++) {
				connections[w] = new PlainHttp(base.getHost(), base.getPort(), 60_000);
			}
		}

		int get(int worker, String path) throws IOException {
			return connections[worker].exchange("GET", path, HEADERS).status();
		}

		PlainHttp.Response upload(String path, Path file) throws IOException {
			String boundary = "bench" + System.nanoTime();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"accounts.csv\""
					+ "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			try (PlainHttp http = new PlainHttp(base.getHost(), base.getPort(), 30 * 60_000)) {
				return http.exchange("POST", path, new String[] { HEADERS[0], HEADERS[1],
						"Content-Type: multipart/form-data; boundary=" + boundary }, head, Files.readAllBytes(file), tail);
			}
		}

		PlainHttp.Response post(int worker, String path, String json) throws IOException {
			return connections[worker].exchange("POST", path, JSON_HEADERS, json.getBytes(StandardCharsets.UTF_8));
		}

		int delete(String path) throws IOException {
			return connections[0].exchange("DELETE", path, HEADERS).status();
		}

		void close() {
			for (PlainHttp connection : connections) {
				connection.close();
			}
		}

	}

}
