package io.keyaccount.customer.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountBatches;
import io.keyaccount.platform.operations.Nodes;
import io.keyaccount.platform.setup.StartupStep;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * What an all-or-nothing import has written so far, kept in the database (ADR 0015): the run is recorded RUNNING
 * before its first batch, and every batch marks its accounts in the transaction that writes them. The run ends
 * COMPLETED (the marks go) or TAKEN_BACK (its accounts go, through {@link AccountBatches#takeBack}). A run left
 * RUNNING by a process that died is taken back at the next start, before the web server takes requests: none of
 * its rows remain. (An import is not resumed: its file and its user's session went with the process.)
 */
@Component
class ImportRunRecords extends StartupStep {

	private static final Logger log = LoggerFactory.getLogger(ImportRunRecords.class);

	private static final int TAKE_BACK_CHUNK = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate writes;

	private final AccountBatches batches;

	private final Nodes nodes;

	ImportRunRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions, AccountBatches batches, Nodes nodes) {
		super(INSTALLATION + 1);
		this.jdbc = jdbc;
		this.writes = new TransactionTemplate(transactions);
		this.batches = batches;
		this.nodes = nodes;
	}

	/** Records a run about to write, committed before its first batch. */
	long begin(long tenant, String fileName) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		writes.executeWithoutResult(status -> jdbc.update(con -> {
			var ps = con.prepareStatement("insert into account_import_run (tenant_id, node_id, status, file_name,"
					+ " started_at) values (?, ?, 'RUNNING', ?, ?)", new String[] { "id" });
			ps.setLong(1, tenant);
			ps.setString(2, nodes.self());
			ps.setString(3, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
			ps.setTimestamp(4, Timestamp.from(Instant.now()));
			return ps;
		}, keys));
		return keys.getKey().longValue();
	}

	/** Marks accounts as written by the run; joins the transaction that wrote them. */
	List<Long> mark(long run, List<Long> accounts) {
		jdbc.batchUpdate("insert into account_import_row (run_id, account_id) values (?, ?)", accounts, 500,
				(ps, account) -> {
					ps.setLong(1, run);
					ps.setLong(2, account);
				});
		return accounts;
	}

	/**
	 * The run wrote everything: its accounts stay. False when it was taken back meanwhile (its process was taken
	 * for dead), so the import must fail instead.
	 */
	boolean complete(long run) {
		return Boolean.TRUE.equals(writes.execute(status -> {
			if (jdbc.update("update account_import_run set status = 'COMPLETED', finished_at = ? where id = ?"
					+ " and status = 'RUNNING'", Timestamp.from(Instant.now()), run) == 0) {
				return false;
			}
			jdbc.update("delete from account_import_row where run_id = ?", run);
			return true;
		}));
	}

	/** Deletes every account the run wrote, a chunk per transaction; a crash half-way leaves the rest marked. */
	void takeBack(long tenant, long run) {
		List<Long> chunk;
		do {
			chunk = writes.execute(status -> {
				List<Long> accounts = jdbc.queryForList("select account_id from account_import_row where run_id = ?"
						+ " order by account_id fetch first " + TAKE_BACK_CHUNK + " rows only", Long.class, run);
				if (!accounts.isEmpty()) {
					batches.takeBack(tenant, accounts);
					jdbc.update("delete from account_import_row where run_id = ? and account_id between ? and ?", run,
							accounts.get(0), accounts.get(accounts.size() - 1));
				}
				return accounts;
			});
		}
		while (!chunk.isEmpty());
		jdbc.update("update account_import_run set status = 'TAKEN_BACK', finished_at = ? where id = ?",
				Timestamp.from(Instant.now()), run);
	}

	@Override
	protected void runAtStartup() {
		takeBackRunsOfDeadNodes();
	}

	/** On a shared database a node killed a moment ago is known dead only once it has been silent long enough. */
	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void takeBackRunsOfDeadNodes() {
		for (Map<String, Object> run : jdbc
			.queryForList("select id, tenant_id, node_id from account_import_run where status = 'RUNNING'")) {
			if (!nodes.isAlive((String) run.get("node_id"))) {
				long id = ((Number) run.get("id")).longValue();
				long tenant = ((Number) run.get("tenant_id")).longValue();
				Integer rows = jdbc.queryForObject("select count(*) from account_import_row where run_id = ?",
						Integer.class, id);
				TenantContext.runAs(tenant, () -> takeBack(tenant, id));
				log.warn("Took back all-or-nothing import {} of tenant {}, cut off by a stopped process: {} account(s)"
						+ " deleted", id, tenant, rows);
			}
		}
	}

}
