package io.keyaccount.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away PostgreSQL database for one test run, created on the server at {@code keyaccount.pg.url}
 * (default 127.0.0.1:5432, user postgres) and dropped when the JVM exits. Tests using it are skipped, with the
 * reason printed, when the server cannot be reached.
 */
public final class PostgresDatabase implements ExecutionCondition {

	private static final String ADMIN_URL = System.getProperty("keyaccount.pg.url",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = System.getProperty("keyaccount.pg.user", "postgres");

	private static String databaseUrl;

	private static String unreachable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		ensureCreated();
		return unreachable == null ? ConditionEvaluationResult.enabled("PostgreSQL at " + ADMIN_URL)
				: ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + ADMIN_URL + " (" + unreachable
						+ "): PostgreSQL tests skipped");
	}

	public static void register(DynamicPropertyRegistry registry) {
		ensureCreated();
		registry.add("spring.datasource.url", () -> databaseUrl);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> "");
	}

	/**
	 * Another throw-away database, of its own, for a process the test starts (a packaged jar); dropped when the JVM
	 * exits. Its JDBC URL, or empty when the server cannot be reached.
	 */
	public static Optional<String> another(String label) {
		String name = "ka_" + label + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			return Optional.empty();
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		return Optional.of(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name);
	}

	public static String user() {
		return USER;
	}

	private static synchronized void ensureCreated() {
		if (databaseUrl != null || unreachable != null) {
			return;
		}
		String name = "ka_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			unreachable = ex.getMessage();
			return;
		}
		databaseUrl = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
	}

	private static void drop(String name) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

}
