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
 * The default database URL uses H2's automatic server mode, so a backup can be taken while Keyaccount runs.
 * A restore replaces everything in the database: stop Keyaccount first.
 */
public final class H2BackupCommands {

	static final String DEFAULT_URL = "jdbc:h2:file:./data/keyaccount;AUTO_SERVER=TRUE";

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
			System.err.println("Backup failed: " + ex.getMessage());
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
			System.err.println("Restore failed: " + ex.getMessage());
			return 1;
		}
	}

	private static Connection connect(Map<String, String> options) throws SQLException {
		return DriverManager.getConnection(options.getOrDefault("url", DEFAULT_URL), options.getOrDefault("user", "sa"),
				options.getOrDefault("password", ""));
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
