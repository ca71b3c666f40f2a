package io.keyaccount.value.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rescore condenses the ledger per account inside the database (on PostgreSQL in whole cents and millionths,
 * over parallel ranges of accounts): it must agree with folding the day totals in memory. Run on H2 by
 * {@code LedgerAggregateTests}, on PostgreSQL by {@code ValueLedgerAggregatePostgresIT}.
 */
abstract class LedgerAggregateContract {

	@Autowired
	Rescoring rescoring;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDatabaseAggregateEqualsTheDayByDayFold() {
		LocalDate asOf = LocalDate.now().minusMonths(2);
		ValueSettings settings = ValueSettings.defaults();
		long[] ids = jdbc.queryForList("select id from account where tenant_id = 1 order by id", Long.class)
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
		var bySql = new ValueEngine(settings, asOf, ids);
		rescoring.readLedger(bySql, settings, asOf);
		var byDay = new ValueEngine(settings, asOf, ids);
		List<Object[]> days = jdbc.query("select account_id, occurred_on, sum(amount), sum(coalesce(margin, amount * 0.35))"
				+ " from value_transaction where tenant_id = 1 and deleted_at is null group by account_id, occurred_on",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getDouble(3), rs.getDouble(4) });
		days.forEach(d -> byDay.addDay((Long) d[0], Math.toIntExact(((LocalDate) d[1]).toEpochDay()), (Double) d[2],
				(Double) d[3]));

		ValueEngine.Scores a = bySql.score();
		ValueEngine.Scores b = byDay.score();

		assertThat(bySql.daysRead()).isEqualTo(byDay.daysRead()).isPositive();
		assertThat(a.purchases).containsExactly(b.purchases);
		assertThat(a.firstDay).containsExactly(b.firstDay);
		assertThat(a.lastDay).containsExactly(b.lastDay);
		assertThat(a.resourceClass).containsExactly(b.resourceClass);
		for (int i = 0; i < ids.length; i++) {
			assertThat(a.revenue[i]).isCloseTo(b.revenue[i], Offset.offset(0.01));
			assertThat(a.historical[i]).isCloseTo(b.historical[i], Offset.offset(0.01));
			assertThat(a.current[i]).isCloseTo(b.current[i], Offset.offset(0.01));
			assertThat(a.future[i]).isCloseTo(b.future[i], Offset.offset(0.01));
			assertThat(a.score[i]).isEqualTo(b.score[i]);
		}
	}

}
