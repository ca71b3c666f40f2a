package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The duplicate check on creating an account compares the new name with names that begin like it (an index range on
 * {@code normalized_name}) and names that end like it, which needs the names reversed: a range on
 * {@code normalized_name_reversed}. Before this, a name such as 上海明华科技 read every name beginning with 上海
 * (about 64,000 at 1,000,000 accounts, 80 ms on PostgreSQL, most of a create's time). H2 has no {@code reverse}
 * function, so the existing rows are filled from Java there, committed every {@link #CHUNK} rows: H2 rewrites every
 * index of a row it updates, and one transaction over a million rows grew the database file by gigabytes.
 * A rerun after an interruption fills only the rows still empty.
 */
public class V23__account_reversed_name extends BaseJavaMigration {

	private static final int CHUNK = 10_000;

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try (Statement s = connection.createStatement()) {
			if (!hasColumn(connection)) {
				s.execute("alter table account add column normalized_name_reversed varchar(255)");
			}
			if (postgres) {
				s.execute("update account set normalized_name_reversed = reverse(normalized_name)"
						+ " where normalized_name_reversed is null");
				s.execute("create index if not exists ix_account_name_suffix on account"
						+ " (tenant_id, normalized_name_reversed varchar_pattern_ops) include (deleted_at, id, normalized_name)");
			}
			else {
				fillFromJava(connection);
				s.execute("create index if not exists ix_account_name_suffix on account (tenant_id, normalized_name_reversed)");
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static boolean hasColumn(java.sql.Connection connection) throws java.sql.SQLException {
		try (Statement s = connection.createStatement()) {
			s.executeQuery("select normalized_name_reversed from account where 1 = 0").close();
			return true;
		}
		catch (java.sql.SQLException ex) {
			return false;
		}
	}

	private static void fillFromJava(java.sql.Connection connection) throws java.sql.SQLException {
		List<Long> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery(
						"select id, normalized_name from account where normalized_name_reversed is null")) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
				names.add(rows.getString(2));
			}
		}
		connection.setAutoCommit(false);
		try (PreparedStatement write = connection
			.prepareStatement("update account set normalized_name_reversed = ? where id = ?")) {
			for (int i = 0; i < ids.size(); i++) {
				write.setString(1, new StringBuilder(names.get(i)).reverse().toString());
				write.setLong(2, ids.get(i));
				write.addBatch();
				if ((i + 1) % CHUNK == 0 || i == ids.size() - 1) {
					write.executeBatch();
					connection.commit();
				}
			}
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

}
