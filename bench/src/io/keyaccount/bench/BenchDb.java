package io.keyaccount.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The bench database: connection, the demo staff the app created, and the bench's API token. */
final class BenchDb {

	/** The bench signs in as the sales director 李明 (unit and below: the sales department's accounts). */
	static final String BENCH_USER = "liming";

	static final String TOKEN = "ka_bench-customer-liming-0123456789abcdef";

	final String kind;

	final String url;

	final String user;

	final String password;

	BenchDb(String kind, String url, String user, String password) {
		this.kind = kind;
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static BenchDb fromSystemProperties() {
		return new BenchDb(System.getProperty("bench.db", "h2"), System.getProperty("bench.url"),
				System.getProperty("bench.user", "sa"), System.getProperty("bench.password", ""));
	}

	boolean postgres() {
		return kind.equals("postgres");
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url, user, password.isEmpty() ? storedH2Password() : password);
	}

	/** The password the app generated for an H2 file at its first start (ADR 0015), or none before it. */
	private String storedH2Password() {
		if (!url.startsWith("jdbc:h2:file:")) {
			return password;
		}
		String file = url.substring("jdbc:h2:file:".length()).split(";")[0];
		java.nio.file.Path credentials = java.nio.file.Path.of(file + ".credentials");
		try {
			return java.nio.file.Files.exists(credentials) ? java.nio.file.Files.readString(credentials).strip() : password;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record Staff(long tenantId, long userId, long unitId, Set<Long> visibleUnits) {
	}

	static Staff staff(Connection c, String username) throws SQLException {
		long tenant;
		long userId;
		long unitId;
		try (PreparedStatement s = c.prepareStatement("select tenant_id, id, unit_id from app_user where username = ?")) {
			s.setString(1, username);
			try (ResultSet rs = s.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("No user " + username + ": start the app once with the demo profile");
				}
				tenant = rs.getLong(1);
				userId = rs.getLong(2);
				unitId = rs.getLong(3);
			}
		}
		Map<Long, List<Long>> children = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement("select id, parent_id from org_unit where parent_id is not null");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				children.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1));
			}
		}
		Set<Long> units = new LinkedHashSet<>();
		Deque<Long> todo = new ArrayDeque<>(List.of(unitId));
		while (!todo.isEmpty()) {
			Long next = todo.pop();
			if (units.add(next)) {
				todo.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return new Staff(tenant, userId, unitId, units);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long scalar(Connection c, String sql, Object... args) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				s.setObject(i + 1, args[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
