package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.persistence.EntityManager;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.customer.AccountDirectory.AccountFactsRow;
import io.keyaccount.platform.setup.Installation.DemoCompanyRequested;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Three years of demo orders with a realistic long tail — a handful of key accounts buy all the time and bring
 * most of the margin, regular customers buy every month or quarter, some bought once, some stopped — and then
 * the first rescores: one as of the end of each of the last thirteen months (so trends and change reports have a
 * history) and one as of today. Seeded, so every demo looks the same.
 */
@Component
class DemoLedger {

	static final int MONTHS_OF_HISTORY = 13;

	private final AccountDirectory accounts;

	private final Ledger ledger;

	private final AccountProfiles profiles;

	private final Rescoring rescoring;

	private final EntityManager entityManager;

	DemoLedger(AccountDirectory accounts, Ledger ledger, AccountProfiles profiles, Rescoring rescoring,
			EntityManager entityManager) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.profiles = profiles;
		this.rescoring = rescoring;
		this.entityManager = entityManager;
	}

	@EventListener
	@Order(20)
	void on(DemoCompanyRequested event) {
		TenantContext.runAs(event.tenantId(), () -> {
			// the customer module's accounts are still in the persistence context: write them before reading SQL
			entityManager.flush();
			List<AccountFactsRow> all = new ArrayList<>();
			accounts.forEachAccount(all::add);
			LocalDate today = LocalDate.now();
			ledger.record(orders(all, today, new Random(4004)));
			rateKeyAccounts(all);
			for (int m = MONTHS_OF_HISTORY; m >= 1; m--) {
				rescoring.rescore(RunTrigger.DEMO, YearMonth.from(today).minusMonths(m).atEndOfMonth(), "demo");
			}
			rescoring.rescore(RunTrigger.DEMO, today, "demo");
		});
	}

	static List<LedgerEntry> orders(List<AccountFactsRow> all, LocalDate today, Random random) {
		List<LedgerEntry> orders = new ArrayList<>();
		LocalDate start = today.minusYears(3);
		int span = (int) (today.toEpochDay() - start.toEpochDay());
		int[] sequence = { 0 };
		for (int i = 0; i < all.size(); i++) {
			long id = all.get(i).id();
			if (i < 12) {
				// key accounts: every three to six weeks, the first four the biggest
				double typical = i < 4 ? 110_000 : 28_000;
				for (LocalDate d = start.plusDays(random.nextInt(30)); d.isBefore(today); d = d.plusDays(21 + random.nextInt(22))) {
					add(orders, random, id, d, typical, sequence);
				}
			}
			else if (i < 40) {
				// regular customers: monthly to quarterly; a few of them stopped a year or more ago
				double typical = 6_000 + random.nextInt(14_000);
				LocalDate end = random.nextInt(6) == 0 ? today.minusDays(400 + random.nextInt(300)) : today;
				for (LocalDate d = start.plusDays(random.nextInt(90)); d.isBefore(end); d = d.plusDays(30 + random.nextInt(70))) {
					add(orders, random, id, d, typical, sequence);
				}
			}
			else if (i < 200) {
				double typical = 2_000 + random.nextInt(9_000);
				int kind = random.nextInt(20);
				if (kind < 6) {
					// one-off: a single project purchase
					add(orders, random, id, start.plusDays(random.nextInt(span)), typical * 2, sequence);
				}
				else if (kind < 11) {
					// lapsed: bought for a while in the first half, then went quiet
					int first = random.nextInt(span / 3);
					for (int k = 0; k < 2 + random.nextInt(4); k++) {
						add(orders, random, id, start.plusDays(first + k * (40 + random.nextInt(80))), typical, sequence);
					}
				}
				else {
					// occasional: a few orders spread over the years, some lately
					for (int k = 0; k < 2 + random.nextInt(5); k++) {
						add(orders, random, id, start.plusDays(random.nextInt(span)), typical, sequence);
					}
				}
			}
			else if (random.nextInt(10) == 0) {
				add(orders, random, id, today.minusDays(random.nextInt(200)), 3_000, sequence);
			}
		}
		return orders;
	}

	private static void add(List<LedgerEntry> orders, Random random, long accountId, LocalDate date, double typical,
			int[] sequence) {
		double amount = Math.round(typical * Math.exp(0.45 * random.nextGaussian()) / 10) * 10.0;
		BigDecimal revenue = BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
		double rate = 0.22 + random.nextDouble() * 0.2;
		BigDecimal margin = random.nextInt(10) < 7 ? revenue.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP)
				: null;
		String reference = "SO-" + date.getYear() + "-" + String.format("%05d", ++sequence[0]);
		orders.add(new LedgerEntry(accountId, date, revenue, margin, TransactionSource.ORDER, reference));
		if (random.nextInt(33) == 0 && date.plusDays(20).isBefore(LocalDate.now())) {
			// a return: part of the order refunded a few weeks later
			BigDecimal refund = revenue.multiply(BigDecimal.valueOf(-0.2)).setScale(2, RoundingMode.HALF_UP);
			orders.add(new LedgerEntry(accountId, date.plusDays(20), refund,
					margin == null ? null : margin.multiply(BigDecimal.valueOf(-0.2)).setScale(2, RoundingMode.HALF_UP),
					TransactionSource.ORDER, reference + "-R"));
		}
	}

	/** The key accounts' strategic worth, as their managers rate it; the first is the Thai integrator. */
	private void rateKeyAccounts(List<AccountFactsRow> all) {
		int[][] ratings = { { 4, 5, 3 }, { 5, 3, 4 }, { 3, 2, 5 }, { 4, 4, 2 }, { 2, 1, 3 }, { 3, 0, 2 } };
		for (int i = 0; i < Math.min(ratings.length, all.size()); i++) {
			profiles.save(all.get(i).id(),
					new AccountProfiles.Profile(null, ratings[i][0], ratings[i][1], ratings[i][2]));
		}
	}

}
