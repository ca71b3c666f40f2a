package io.keyaccount.platform.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded H2 database file behind a JDBC URL and its password. The password is generated at the first start
 * and kept in {@code <database>.credentials} beside the file ({@code ./data/keyaccount.credentials}), readable by
 * its owner only: whoever can read that file can read the database file itself anyway. A database created without
 * a password (before 0.1 had one) gets it set at its next start.
 */
public final class EmbeddedDatabase {

	static final String PASSWORD_WRITING = ".credentials.new";

	private static final List<String> NOT_A_FILE = List.of("mem:", "tcp:", "ssl:", "zip:");

	private final Path database;

	private EmbeddedDatabase(Path database) {
		this.database = database;
	}

	/** The database a URL opens in this process from a file, if it is one: {@code jdbc:h2:file:./data/keyaccount}. */
	public static Optional<EmbeddedDatabase> of(String url) {
		if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
			return Optional.empty();
		}
		String name = url.substring(8);
		int settings = name.indexOf(';');
		name = settings < 0 ? name : name.substring(0, settings);
		String lower = name.toLowerCase(Locale.ROOT);
		if (NOT_A_FILE.stream().anyMatch(lower::startsWith)) {
			return Optional.empty();
		}
		if (lower.startsWith("file:")) {
			name = name.substring(5);
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Optional.of(new EmbeddedDatabase(Path.of(name).toAbsolutePath().normalize()));
	}

	public Path credentialsFile() {
		return sibling(".credentials");
	}

	/** The stored password, or none before the first start. */
	public Optional<String> storedPassword() {
		return read(credentialsFile());
	}

	/**
	 * The password to open the database with: the stored one, or a new one (set on an existing passwordless
	 * database, given to a new one when the first connection creates it).
	 */
	public String password(String url, String user) {
		Optional<String> stored = storedPassword();
		if (stored.isPresent()) {
			return stored.get();
		}
		Path writing = sibling(PASSWORD_WRITING);
		// a start cut off between setting the password and keeping it left it here
		String password = read(writing).orElseGet(EmbeddedDatabase::generate);
		writeOwnerOnly(writing, password);
		if (Files.exists(sibling(".mv.db"))) {
			setOnOlderDatabase(url, user, password);
		}
		try {
			Files.move(writing, credentialsFile(), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not keep the database password in " + credentialsFile(), ex);
		}
		return password;
	}

	private static void setOnOlderDatabase(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("alter user \"" + user.toUpperCase(Locale.ROOT) + "\" set password '" + password + "'");
		}
		catch (SQLException ex) {
			// 28000: the password is already set (an earlier start set it and was cut off before keeping it)
			if (!"28000".equals(ex.getSQLState())) {
				throw new IllegalStateException("could not set a password on the database " + url, ex);
			}
		}
	}

	private Path sibling(String suffix) {
		return database.resolveSibling(database.getFileName() + suffix);
	}

	private static String generate() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		// hexadecimal: nothing to quote in SQL or in a URL
		return HexFormat.of().formatHex(bytes);
	}

	private static Optional<String> read(Path file) {
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
				.filter(s -> !s.isEmpty()) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the database password from " + file, ex);
		}
	}

	private static void writeOwnerOnly(Path file, String password) {
		try {
			Files.createDirectories(file.getParent());
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (FileAlreadyExistsException exists) {
				// the same password again, still owner-only
			}
			catch (UnsupportedOperationException notPosix) {
				Files.deleteIfExists(file);
				Files.createFile(file);
				file.toFile().setReadable(false, false);
				file.toFile().setReadable(true, true);
				file.toFile().setWritable(false, false);
				file.toFile().setWritable(true, true);
			}
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not keep the database password in " + file, ex);
		}
	}

}
