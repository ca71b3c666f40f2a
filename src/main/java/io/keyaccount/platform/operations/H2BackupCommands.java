package io.keyaccount.platform.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code backup} and {@code restore} for the embedded H2 database, run from the jar without the web server:
 * <pre>
 * java -jar keyaccount.jar backup  --file=backup.zip [--url=jdbc:h2:file:./data/keyaccount]
 * java -jar keyaccount.jar restore --file=backup.zip [--url=...]
 * </pre>
 * Both open the database file themselves, with the password Keyaccount keeps beside it ({@link EmbeddedDatabase}),
 * so Keyaccount must be stopped first: the database listens on no port (anyone who could reach one could read it).
 * A restore replaces everything in the database.
 */
public final class H2BackupCommands {

	static final String DEFAULT_URL = "jdbc:h2:file:./data/keyaccount";

	private H2BackupCommands() {
	}

	public static int backup(String[] args) {
		Map<String, String> options = options(args);
		String file = options.get("file");
		if (file == null) {
			System.err.println("Usage: backup --file=backup.zip [--url=jdbc:h2:file:./data/keyaccount]");
			return 2;
		}
		try (Connection connection = connect(options);
				PreparedStatement statement = connection.prepareStatement("script to ? compression zip")) {
			statement.setString(1, Path.of(file).toAbsolutePath().toString());
			statement.execute();
			System.out.println("Backup written to " + Path.of(file).toAbsolutePath());
			return 0;
		}
		catch (SQLException ex) {
			System.err.println("Backup failed: " + reason(ex));
			return 1;
		}
	}

	public static int restore(String[] args) {
		Map<String, String> options = options(args);
		String file = options.get("file");
		if (file == null || !Files.isRegularFile(Path.of(file))) {
			System.err.println("Usage: restore --file=backup.zip [--url=...]; the backup file must exist");
			return 2;
		}
		try (Connection connection = connect(options); Statement statement = connection.createStatement()) {
			statement.execute("drop all objects");
			try (PreparedStatement restore = connection.prepareStatement("runscript from ? compression zip")) {
				restore.setString(1, Path.of(file).toAbsolutePath().toString());
				restore.execute();
			}
			System.out.println("Database restored from " + Path.of(file).toAbsolutePath());
			return 0;
		}
		catch (SQLException ex) {
			System.err.println("Restore failed: " + reason(ex));
			return 1;
		}
	}

	private static Connection connect(Map<String, String> options) throws SQLException {
		String url = options.getOrDefault("url", DEFAULT_URL);
		String password = options.containsKey("password") ? options.get("password")
				: EmbeddedDatabase.of(url).flatMap(EmbeddedDatabase::storedPassword).orElse("");
		return DriverManager.getConnection(url, options.getOrDefault("user", "sa"), password);
	}

	private static String reason(SQLException ex) {
		// H2's "database may be already in use": the file is locked by a running Keyaccount
		return ex.getErrorCode() == 90020 ? "the database is in use; stop Keyaccount first (" + ex.getMessage() + ")"
				: ex.getMessage();
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return options;
	}

}
