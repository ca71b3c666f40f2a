package db.migration;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every node keeps the accounts it has shown in memory (the account detail); on PostgreSQL, where several nodes may
 * share the database, a committed change to an account notifies channel {@code account_changed} with
 * {@code tenant,id,old parent,new parent}, and every node forgets the account and the parents whose subsidiaries
 * it lists. A trigger hears every writer, SQL of the recycle bin and a bulk update included. A new account
 * concerns no one's copy unless it has a parent, so an import of new companies sends nothing. H2 runs inside the
 * one node that writes to it, which forgets what it changes itself.
 */
public class V26__account_change_notifications extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String database = context.getConnection().getMetaData().getDatabaseProductName();
		if (!database.toLowerCase(Locale.ROOT).contains("postgres")) {
			return;
		}
		try (Statement s = context.getConnection().createStatement()) {
			s.execute("""
					create function notify_account_changed() returns trigger language plpgsql as $$
					begin
					  if tg_op = 'INSERT' then
					    perform pg_notify('account_changed', format('%s,%s,,%s', new.tenant_id, new.id, new.parent_id));
					  elsif tg_op = 'UPDATE' then
					    perform pg_notify('account_changed',
					      format('%s,%s,%s,%s', new.tenant_id, new.id, old.parent_id, new.parent_id));
					  else
					    perform pg_notify('account_changed', format('%s,%s,%s,', old.tenant_id, old.id, old.parent_id));
					  end if;
					  return null;
					end $$""");
			s.execute("""
					create trigger account_inserted_under_parent after insert on account for each row
					when (new.parent_id is not null) execute function notify_account_changed()""");
			s.execute("""
					create trigger account_changed after update or delete on account for each row
					execute function notify_account_changed()""");
		}
	}

}
