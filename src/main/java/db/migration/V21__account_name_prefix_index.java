package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The duplicate check on creating an account looks for names with the same first characters ({@code like '上海%'}).
 * PostgreSQL uses a b-tree for such a prefix only with the pattern operator class when the database's collation
 * is not {@code C} ({@code C.UTF-8} and {@code zh_CN.UTF-8} are not): without it every create read the whole
 * account table (0.4 s at 1,000,000 accounts). The index also holds what the check reads, so a city's thousands of
 * names are compared in the index alone. H2 has no operator classes and needs none ({@code ix_account_normalized}).
 */
public class V21__account_name_prefix_index extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String database = context.getConnection().getMetaData().getDatabaseProductName();
		if (!database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
			return;
		}
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("create index ix_account_name_prefix on account (tenant_id, normalized_name varchar_pattern_ops)"
					+ " include (deleted_at, id)");
		}
	}

}
