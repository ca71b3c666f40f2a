package io.keyaccount.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedDatabaseTests {

	@TempDir
	Path dir;

	@Test
	void aNewDatabaseCanOnlyBeOpenedWithThePasswordKeptOwnerOnlyBesideIt() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("data/keyaccount") + ";WRITE_DELAY=0";
		String password = EmbeddedDatabase.of(url).orElseThrow().password(url, "sa");
		execute(url, password, "create table account (name varchar(100))");

		Path credentials = dir.resolve("data/keyaccount.credentials");
		assertThat(Files.readString(credentials).strip()).isEqualTo(password).hasSize(48);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThatThrownBy(() -> execute(url, "", "select 1")).isInstanceOf(SQLException.class)
			.hasMessageContaining("Wrong user name or password");
		assertThat(EmbeddedDatabase.of(url).orElseThrow().password(url, "sa")).as("the same at every start")
			.isEqualTo(password);
	}

	@Test
	void aPasswordlessDatabaseOfAnOlderVersionKeepsItsDataAndGetsAPassword() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("keyaccount");
		execute(url, "", "create table account (name varchar(100))", "insert into account values ('杭州明华科技有限公司')");

		String password = EmbeddedDatabase.of(url).orElseThrow().password(url, "sa");

		assertThatThrownBy(() -> execute(url, "", "select 1")).isInstanceOf(SQLException.class);
		try (Connection connection = DriverManager.getConnection(url, "sa", password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select name from account")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("杭州明华科技有限公司");
		}
	}

	@Test
	void aStartCutOffAfterSettingThePasswordFindsItAgain() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("keyaccount");
		execute(url, "", "create table account (name varchar(100))");
		Files.writeString(dir.resolve("keyaccount" + EmbeddedDatabase.PASSWORD_WRITING), "0a1b2c\n");
		execute(url, "", "alter user sa set password '0a1b2c'");

		assertThat(EmbeddedDatabase.of(url).orElseThrow().password(url, "sa")).isEqualTo("0a1b2c");
		assertThat(dir.resolve("keyaccount.credentials")).hasContent("0a1b2c");
	}

	@Test
	void theApplicationGetsThePasswordUnlessOneIsConfigured() {
		String url = "jdbc:h2:file:" + dir.resolve("data/keyaccount") + ";WRITE_DELAY=0";
		StandardEnvironment environment = environment(Map.of("spring.datasource.url", url));
		new EmbeddedDatabasePassword().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.password")).hasSize(48)
			.isEqualTo(EmbeddedDatabase.of(url).orElseThrow().storedPassword().orElseThrow());

		StandardEnvironment configured = environment(
				Map.of("spring.datasource.url", url, "spring.datasource.password", "chosen"));
		new EmbeddedDatabasePassword().postProcessEnvironment(configured, new SpringApplication());
		assertThat(configured.getProperty("spring.datasource.password")).isEqualTo("chosen");
	}

	@Test
	void onlyAFileOpenedInThisProcessIsAnEmbeddedDatabase() {
		assertThat(EmbeddedDatabase.of("jdbc:h2:mem:keyaccount-test;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(EmbeddedDatabase.of("jdbc:h2:tcp://localhost/~/keyaccount")).isEmpty();
		assertThat(EmbeddedDatabase.of("jdbc:postgresql://127.0.0.1:5432/keyaccount")).isEmpty();
		assertThat(EmbeddedDatabase.of("jdbc:h2:./data/keyaccount;WRITE_DELAY=0").orElseThrow().credentialsFile())
			.isEqualTo(Path.of("data/keyaccount.credentials").toAbsolutePath());
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	private static void execute(String url, String password, String... sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", password);
				Statement statement = connection.createStatement()) {
			for (String s : sql) {
				statement.execute(s);
			}
		}
	}

}
