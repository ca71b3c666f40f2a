package io.keyaccount.value.domain;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.customer.AccountDirectory.VisibleAccounts;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * The transaction ledger: each account's purchases and refunds with date, amount, margin and source. Written in
 * JDBC batches (imports and demo orders bring thousands of rows); read per page, within the user's data scope.
 */
@Service
@Transactional
public class Ledger {

	private static final String INSERT = "insert into value_transaction (tenant_id, account_id, occurred_on, amount,"
			+ " margin, source, reference, created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final AccountDirectory accounts;

	Ledger(JdbcTemplate jdbc, AccountDirectory accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public int record(List<LedgerEntry> entries) {
		long tenant = TenantContext.currentTenant();
		Timestamp now = Timestamp.from(Instant.now());
		String by = CurrentUser.signedIn().map(KeyaccountUser::getUsername).orElse(null);
		for (int from = 0; from < entries.size(); from += 1000) {
			List<LedgerEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 1000));
			jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
				@Override
				public void setValues(PreparedStatement ps, int i) throws SQLException {
					LedgerEntry e = chunk.get(i);
					ps.setLong(1, tenant);
					ps.setLong(2, e.accountId());
					ps.setDate(3, Date.valueOf(e.occurredOn()));
					ps.setBigDecimal(4, e.amount());
					if (e.margin() == null) {
						ps.setNull(5, Types.NUMERIC);
					}
					else {
						ps.setBigDecimal(5, e.margin());
					}
					ps.setString(6, e.source().name());
					ps.setString(7, e.reference());
					ps.setTimestamp(8, now);
					ps.setString(9, by);
					ps.setTimestamp(10, now);
				}

				@Override
				public int getBatchSize() {
					return chunk.size();
				}
			});
		}
		return entries.size();
	}

	/**
	 * Which of these entries' references the ledger already holds for the same account, as
	 * {@code LedgerImportRun.key(account, reference)}; entries without a reference are never found.
	 */
	Set<String> recordedReferences(List<LedgerEntry> entries) {
		List<String> references = entries.stream().map(LedgerEntry::reference).filter(Objects::nonNull).distinct().toList();
		Set<String> recorded = new HashSet<>();
		for (int from = 0; from < references.size(); from += 500) {
			List<String> part = references.subList(from, Math.min(references.size(), from + 500));
			List<Object> args = new ArrayList<>(part.size() + 1);
			args.add(TenantContext.currentTenant());
			args.addAll(part);
			jdbc.query("select account_id, reference from value_transaction where tenant_id = ? and deleted_at is null"
					+ " and reference in (" + String.join(",", Collections.nCopies(part.size(), "?")) + ")",
					rs -> {
						recorded.add(LedgerImportRun.key(rs.getLong(1), rs.getString(2)));
					}, args.toArray());
		}
		return recorded;
	}

	/**
	 * Holds the company's row until the transaction ends, so that ledger imports of one company check their
	 * references and record them one after the other, on every node.
	 */
	void lockForImport() {
		jdbc.queryForObject("select id from tenant where id = ? for update", Long.class, TenantContext.currentTenant());
	}

	/** Moves a merged duplicate's ledger rows to the account kept. */
	public int moveAccount(long fromAccountId, long toAccountId) {
		return jdbc.update("update value_transaction set account_id = ?, updated_at = ?, version = version + 1"
				+ " where tenant_id = ? and account_id = ?", toAccountId, Timestamp.from(Instant.now()),
				TenantContext.currentTenant(), fromAccountId);
	}

	/** Ledger rows of the accounts the user can see, newest first. */
	@Transactional(readOnly = true)
	public Page<LedgerRow> rows(LedgerQuery query, Pageable pageable) {
		List<Object> args = new ArrayList<>();
		String from = from(query, args);
		Long total = jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(pageable.getOffset());
		pageArgs.add(pageable.getPageSize());
		List<LedgerRow> rows = jdbc.query("select t.id, t.account_id, a.name, t.occurred_on, t.amount, t.margin,"
				+ " t.source, t.reference" + from + " order by t.occurred_on desc, t.id desc offset ? rows fetch next ? rows only",
				(rs, n) -> new LedgerRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
						rs.getBigDecimal(5), rs.getBigDecimal(6), TransactionSource.valueOf(rs.getString(7)),
						rs.getString(8)),
				pageArgs.toArray());
		return new PageImpl<>(rows, pageable, total == null ? 0 : total);
	}

	private String from(LedgerQuery query, List<Object> args) {
		VisibleAccounts visible = accounts.visibleAccounts();
		args.addAll(visible.args());
		StringBuilder sql = new StringBuilder(" from value_transaction t join (" + visible.sql()
				+ ") a on a.id = t.account_id where t.tenant_id = ? and t.deleted_at is null");
		args.add(TenantContext.currentTenant());
		if (query.accountId() != null) {
			sql.append(" and t.account_id = ?");
			args.add(query.accountId());
		}
		if (StringUtils.hasText(query.keyword())) {
			sql.append(" and (a.name like ? or t.reference like ?)");
			args.add("%" + query.keyword().trim() + "%");
			args.add("%" + query.keyword().trim() + "%");
		}
		if (query.from() != null) {
			sql.append(" and t.occurred_on >= ?");
			args.add(query.from());
		}
		if (query.to() != null) {
			sql.append(" and t.occurred_on <= ?");
			args.add(query.to());
		}
		if (query.source() != null) {
			sql.append(" and t.source = ?");
			args.add(query.source().name());
		}
		return sql.toString();
	}

	/** Filters of the ledger list. */
	public record LedgerQuery(Long accountId, String keyword, LocalDate from, LocalDate to, TransactionSource source) {
	}

}
