package io.keyaccount.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2BackupCommandsTests {

	@TempDir
	Path dir;

	@Test
	void aRestoreBringsBackWhatTheBackupHeld() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("db/keyaccount");
		password = EmbeddedDatabase.of(url).orElseThrow().password(url, "sa");
		execute(url, "create table account (name varchar(100))", "insert into account values ('杭州明华科技有限公司')");
		String backup = dir.resolve("backup.zip").toString();

		assertThat(H2BackupCommands.backup(new String[] { "--file=" + backup, "--url=" + url })).isZero();
		execute(url, "delete from account", "insert into account values ('写错的数据')");
		assertThat(H2BackupCommands.restore(new String[] { "--file=" + backup, "--url=" + url })).isZero();

		try (Connection connection = DriverManager.getConnection(url, "sa", password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select name from account")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("杭州明华科技有限公司");
			assertThat(rows.next()).isFalse();
		}
	}

	@Test
	void aMissingBackupFileIsReportedNotAttempted() {
		assertThat(H2BackupCommands.restore(new String[] { "--file=" + dir.resolve("nothing.zip") })).isEqualTo(2);
		assertThat(H2BackupCommands.backup(new String[0])).isEqualTo(2);
	}

	private String password;

	private void execute(String url, String... sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "sa", password);
				Statement statement = connection.createStatement()) {
			for (String s : sql) {
				statement.execute(s);
			}
		}
	}

}
