package io.keyaccount.value;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.support.PostgresDatabase;
import io.keyaccount.value.domain.RunTrigger;
import io.keyaccount.value.domain.Rescoring;

/**
 * A full rescore against the bare SQL aggregate (per-account count, first, last, sum) on the same PostgreSQL
 * database. Not part of the build (no Tests/IT suffix): run it with
 * {@code ./mvnw test -Dtest=ValueRescoreBenchmark -Dbench.accounts=100000 -Dbench.transactions=1000000}.
 */
@KeyaccountTest
@ExtendWith(PostgresDatabase.class)
class ValueRescoreBenchmark {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Rescoring rescoring;

	@Test
	void rescoreAgainstTheBareAggregate() {
		int accounts = Integer.getInteger("bench.accounts", 100_000);
		int transactions = Integer.getInteger("bench.transactions", 1_000_000);
		long tenant = TenantContext.DEFAULT_TENANT;
		long owner = jdbc.queryForObject("select min(id) from app_user", Long.class);
		long unit = jdbc.queryForObject("select unit_id from app_user where id = ?", Long.class, owner);
		System.out.println("demo runs (accounts, transaction days, ms): " + jdbc.queryForList(
				"select accounts_total || '/' || transactions || '/' || duration_ms from value_run order by id", String.class));
		long t0 = System.nanoTime();
		jdbc.update("insert into account (tenant_id, id, name, status, normalized_name, industry, employees,"
				+ " owner_user_id, owner_unit_id, created_at, updated_at)"
				+ " select ?, 10000000 + g, '基准客户' || g, 'CUSTOMER', 'bench' || g,"
				+ " (array['TELECOM','IT','MANUFACTURING','ENERGY','OTHER'])[1 + g % 5], 10 + g % 3000, ?, ?, now(), now()"
				+ " from generate_series(1, ?) g", tenant, owner, unit, accounts);
		// a long tail: account k buys with weight ~ 1/k^0.8 over three years
		jdbc.update("insert into value_transaction (tenant_id, account_id, occurred_on, amount, margin, source,"
				+ " created_at, updated_at) select ?, 10000000 + 1 + floor(power(random(), 2.5) * ?)::int,"
				+ " current_date - floor(random() * 1095)::int, round((500 + random() * 20000)::numeric, 2),"
				+ " case when random() < 0.7 then round((random() * 6000)::numeric, 2) end, 'IMPORT', now(), now()"
				+ " from generate_series(1, ?) g", tenant, accounts, transactions);
		jdbc.execute("analyze value_transaction");
		jdbc.execute("analyze account");
		System.out.printf("generated %,d accounts and %,d transactions in %.1f s%n", accounts, transactions,
				(System.nanoTime() - t0) / 1e9);
		for (int round = 1; round <= 2; round++) {
			long a = System.nanoTime();
			jdbc.query("select account_id, count(*), min(occurred_on), max(occurred_on), sum(amount) from value_transaction"
					+ " where tenant_id = ? group by account_id", rs -> {
					}, tenant);
			double aggregate = (System.nanoTime() - a) / 1e9;
			long r = System.nanoTime();
			TenantContext.runAs(tenant, () -> rescoring.rescore(RunTrigger.MANUAL, LocalDate.now(), "bench"));
			double rescore = (System.nanoTime() - r) / 1e9;
			System.out.printf("round %d: bare aggregate %.2f s, full rescore %.2f s, ratio %.2f%n", round, aggregate,
					rescore, rescore / aggregate);
		}
	}

}
