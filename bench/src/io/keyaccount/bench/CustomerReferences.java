package io.keyaccount.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.keyaccount.bench.CustomerBench.NewAccount;
import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.customer.domain.PinyinNames;

/**
 * The bare SQL and index query each API call of the customer bench stands for, over the bench's own JDBC
 * connections (one per worker) and the app's index opened read-only. Both phases build one: the SQL phase measures
 * the references alone (median and throughput), the API phase once more, alternating with the API's calls, so that
 * the ratio compares calls made in the same minutes (see {@link Measure#paired}).
 */
final class CustomerReferences implements AutoCloseable {

	private final BenchDb db;

	private final List<Connection> connections;

	private final BenchDb.Staff me;

	private final String scope;

	private final List<Object> scopeArgs;

	private final List<Long> detailIds;

	private final IndexReference index;

	private final ChineseCompanies names = new ChineseCompanies();

	private final long runStamp;

	private final int createStream;

	private final long createIdBase;

	/**
	 * References over these connections for the bench user; the app's index is opened when a list or a search is
	 * measured. Creates take ids from above the highest a reference has used, names from {@code createStream}.
	 */
	CustomerReferences(BenchDb db, List<Connection> connections, Path indexRoot, BenchDb.Staff me, List<Long> detailIds,
			long runStamp, int createStream) throws SQLException, IOException {
		this.db = db;
		this.connections = connections;
		this.me = me;
		this.scope = scope(me);
		this.scopeArgs = scopeArgs(me);
		this.detailIds = detailIds;
		this.runStamp = runStamp;
		this.createStream = createStream;
		this.createIdBase = Math.max(90_000_000L, BenchDb.scalar(connections.get(0),
				"select coalesce(max(id), 0) + 1 from account where id >= 90000000 and id < 99000000"));
		boolean indexed = CustomerBench.measures("list-filtered") || CustomerBench.measures("list-default")
				|| CustomerBench.measuresSearch();
		this.index = indexed ? new IndexReference(indexRoot, me) : null;
		if (index != null) {
			System.out.printf("bare index queries on the app's index (Lucene, %,d account documents)%n",
					index.documents());
		}
	}

	/** The reference call of a scenario of {@link CustomerBench#GOALS}; null when this run does not measure it. */
	Measure.Call call(String scenario) {
		// The app's list: a page of 20 and one more row (is there a next page?) by SQL, and a total the search index
		// counts no further than 10,001 (AccountListing, BoundedPages).
		String page = db.postgres() ? " limit 21 offset 0" : " offset 0 rows fetch first 21 rows only";
		int countLimit = 10_001;
		return switch (scenario) {
			case "list (filtered, sorted)" -> !CustomerBench.measures("list-filtered") ? null : (w, i) -> {
				String status = CustomerBench.STATUSES[(int) (i / CustomerBench.PROVINCES.length
						% CustomerBench.STATUSES.length)];
				String province = CustomerBench.PROVINCES[(int) (i % CustomerBench.PROVINCES.length)];
				List<Object> args = new ArrayList<>(scopeArgs);
				args.add(status);
				args.add(province);
				// ordered as the app orders it: the columns the filter holds to one value first, then the sort, then
				// the id (H2 then reads the page in the index's order)
				return rows(connections.get(w), "select a.* from account a where " + scope
						+ " and a.status = ? and a.province_code = ?"
						+ " order by a.tenant_id desc, a.province_code desc, a.status desc, a.in_pool desc,"
						+ " a.created_at desc, a.id desc" + page, args) > 0
						&& index.count(status, province, countLimit) > 0;
			};
			case "list (default page, 全部)" -> !CustomerBench.measures("list-default") ? null : (w, i) -> {
				String nth = db.postgres() ? " limit 21 offset " + i % 10 * 20
						: " offset " + i % 10 * 20 + " rows fetch first 21 rows only";
				return rows(connections.get(w), "select a.* from account a where " + scope
						+ " order by a.tenant_id desc, a.in_pool desc, a.deleted_at desc, a.updated_at desc, a.id desc"
						+ nth, scopeArgs) > 0 && index.count(countLimit) > 0;
			};
			case "detail" -> !CustomerBench.measures("detail") ? null
					: (w, i) -> detail(connections.get(w), detailIds.get((int) (i % detailIds.size())), me, scope,
							scopeArgs);
			case "create" -> !CustomerBench.measures("create") ? null
					: (w, i) -> create(connections.get(w), me, createIdBase + i,
							NewAccount.of(names, runStamp, createStream, i));
			case "search, 2 characters (华达 …)" -> search(CustomerBench.TWO, false);
			case "search, 4 characters (华达科技 …)" -> search(CustomerBench.FOUR, false);
			case "search, pinyin initials (shhd …)" -> search(CustomerBench.INITIALS, true);
			default -> throw new IllegalArgumentException(scenario);
		};
	}

	/**
	 * A keyword search: the query on the app's index under the user's scope, sorted by last change, with the exact
	 * count, then the page's rows read from the database under the same scope, as the app reads them.
	 */
	private Measure.Call search(String[] terms, boolean letters) {
		if (!CustomerBench.measuresSearch()) {
			return null;
		}
		return (w, i) -> {
			String term = terms[(int) (i % terms.length)];
			List<Long> page = new ArrayList<>();
			long hits = index.search(letters ? index.pinyin(term) : index.chinese(term), page);
			if (!page.isEmpty()) {
				List<Object> args = new ArrayList<>(page);
				args.addAll(scopeArgs);
				rows(connections.get(w), "select a.* from account a where a.id in ("
						+ String.join(",", Collections.nCopies(page.size(), "?")) + ") and " + scope, args);
			}
			return hits > 0;
		};
	}

	@Override
	public void close() throws IOException {
		if (index != null) {
			index.close();
		}
	}

	private static int rows(Connection c, String sql, List<Object> args) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, args);
			int n = 0;
			try (ResultSet rs = s.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int k = 1; k <= columns; k++) {
						rs.getObject(k);
					}
					n++;
				}
			}
			return n;
		}
	}

	private static long count(Connection c, String sql, List<Object> args) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, args);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
		for (int k = 0; k < args.size(); k++) {
			s.setObject(k + 1, args.get(k));
		}
	}

	/** The data scope the app adds for the bench user, as SQL over {@code account a}, with {@link #scopeArgs}. */
	private static String scope(BenchDb.Staff me) {
		return "a.tenant_id = ? and a.deleted_at is null and (a.owner_user_id = ? or a.owner_unit_id in ("
				+ String.join(",", Collections.nCopies(me.visibleUnits().size(), "?")) + ") or a.id in "
				+ "(select m.account_id from account_team_member m where m.tenant_id = ? and m.user_id = ? "
				+ "and m.deleted_at is null)) and a.in_pool = false";
	}

	private static List<Object> scopeArgs(BenchDb.Staff me) {
		List<Object> args = new ArrayList<>(List.of(me.tenantId(), me.userId()));
		args.addAll(me.visibleUnits());
		args.addAll(List.of(me.tenantId(), me.userId()));
		return args;
	}

	/**
	 * What an account's detail reads: the account under the user's data scope, its subsidiaries and, for a
	 * subsidiary, its parent's name (owner and unit names, regions and pool settings the app holds in memory).
	 */
	private static boolean detail(Connection c, long id, BenchDb.Staff me, String scope, List<Object> scopeArgs)
			throws SQLException {
		List<Object> args = new ArrayList<>(List.of(id));
		args.addAll(scopeArgs);
		Long parent = null;
		int found = 0;
		try (PreparedStatement s = c.prepareStatement("select a.* from account a where a.id = ? and " + scope)) {
			bind(s, args);
			try (ResultSet rs = s.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int k = 1; k <= columns; k++) {
						rs.getObject(k);
					}
					parent = rs.getObject("parent_id", Long.class);
					found++;
				}
			}
		}
		rows(c, "select a.id, a.name from account a where a.tenant_id = ? and a.parent_id = ? and a.deleted_at is null",
				List.of(me.tenantId(), id));
		if (parent != null) {
			rows(c, "select a.name from account a where a.id = ? and a.tenant_id = ? and a.deleted_at is null",
					List.of(parent, me.tenantId()));
		}
		return found == 1;
	}

	/**
	 * What a create asks and writes, in one transaction: the duplicate checks (credit code, names near the new one
	 * through the same index ranges as the app, phone among accounts and contacts), the credit code's uniqueness
	 * including the recycle bin, the account row and its audit row.
	 */
	private static boolean create(Connection c, BenchDb.Staff me, long id, NewAccount a) throws SQLException {
		c.setAutoCommit(false);
		try {
			long tenant = me.tenantId();
			String live = " a.tenant_id = ? and a.deleted_at is null";
			rows(c, "select a.* from account a where" + live + " and a.credit_code = ?", List.of(tenant, a.creditCode()));
			String normalized = CompanyNames.normalize(a.name());
			List<String> near = new ArrayList<>(CompanyNames.nearNames(normalized));
			List<Object> nearArgs = new ArrayList<>();
			near.forEach(name -> nearArgs.addAll(List.of(tenant, name)));
			rows(c, "select a.id, a.normalized_name from account a where (a.tenant_id, a.normalized_name) in ("
					+ String.join(", ", Collections.nCopies(near.size(), "(?, ?)")) + ") and a.deleted_at is null",
					nearArgs);
			int half = (normalized.length() + 1) / 2;
			rows(c, "select a.id, a.normalized_name from account a where" + live + " and a.normalized_name like ?",
					List.of(tenant, normalized.substring(0, half) + "%"));
			rows(c, "select a.id, a.normalized_name from account a where" + live + " and a.name_end_key like ?",
					List.of(tenant, CompanyNames.endKey(normalized.substring(0, 2) + normalized.substring(half)) + "%"));
			rows(c, "select a.* from account a where" + live + " and a.phone in (?)", List.of(tenant, a.phone()));
			rows(c, "select t.* from contact t where t.tenant_id = ? and t.deleted_at is null and t.mobile in (?)",
					List.of(tenant, a.phone()));
			count(c, "select count(*) from account where tenant_id = ? and credit_code = ?", List.of(tenant, a.creditCode()));
			boolean inserted = insert(c, me, id, a);
			try (PreparedStatement s = c.prepareStatement("insert into audit_event (tenant_id, entity_type, entity_id,"
					+ " action, changes, changed_by, changed_at) values (?, 'Account', ?, 'CREATE', ?, ?, ?)")) {
				bind(s, List.of(tenant, id, "{\"name\":\"" + a.name() + "\",\"creditCode\":\"" + a.creditCode() + "\"}",
						BenchDb.BENCH_USER, Timestamp.from(Instant.now())));
				s.executeUpdate();
			}
			c.commit();
			return inserted;
		}
		catch (SQLException ex) {
			c.rollback();
			throw ex;
		}
		finally {
			c.setAutoCommit(true);
		}
	}

	/** The row the app writes for a created account. */
	private static boolean insert(Connection c, BenchDb.Staff me, long id, NewAccount a) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("""
				insert into account (tenant_id, id, name, short_name, credit_code, industry, province_code, city_code,
				  employees, annual_revenue, ownership_type, address, phone, source, status, tags, key_account, in_pool,
				  normalized_name, name_end_key, name_pinyin, name_initials, owner_user_id, owner_unit_id,
				  created_at, created_by, updated_at, updated_by, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PRIVATE', ?, ?, 'WEBSITE', 'POTENTIAL', '展会线索', false, false,
				  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
			Timestamp now = Timestamp.from(Instant.now());
			bind(s, List.of(me.tenantId(), id, a.name(), a.shortName(), a.creditCode(), a.industry(), a.provinceCode(),
					a.cityCode(), a.employees(), BigDecimal.valueOf(a.revenue()), a.address(), a.phone(),
					CompanyNames.normalize(a.name()), CompanyNames.endKey(CompanyNames.normalize(a.name())),
					PinyinNames.full(a.name() + " " + a.shortName()),
					PinyinNames.initials(a.name()) + " " + PinyinNames.initials(a.shortName()), me.userId(), me.unitId(),
					now, BenchDb.BENCH_USER, now, BenchDb.BENCH_USER));
			return s.executeUpdate() == 1;
		}
	}

}
