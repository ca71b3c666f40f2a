package io.keyaccount.value.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.keyaccount.value.domain.ChangeKind.State;

/** Tiers, classes and change kinds on small hand-made ledgers. */
class ValueEngineTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final ValueSettings SETTINGS = ValueSettings.defaults();

	/** Account ids 1..6: a loyal big buyer, a returning one, a one-off, one lapsing, a lost one, one never bought. */
	private ValueEngine ledger() {
		var engine = new ValueEngine(SETTINGS, AS_OF, new long[] { 1, 2, 3, 4, 5, 6 });
		// 1: every month for three years, large orders
		for (int m = 0; m < 36; m++) {
			engine.addDay(1, day(AS_OF.minusMonths(m).minusDays(3)), 50_000, 15_000);
		}
		// 2: a handful of medium orders, the last two months ago
		for (int k = 0; k < 4; k++) {
			engine.addDay(2, day(AS_OF.minusMonths(2 + k * 5)), 8_000, 2_400);
		}
		// 3: one order last month
		engine.addDay(3, day(AS_OF.minusMonths(1)), 6_000, 1_800);
		// 4: bought once, 400 days ago: past the at-risk recency, not yet the lost one
		engine.addDay(4, day(AS_OF.minusDays(400)), 5_000, 1_500);
		// 5: bought twice, last time three years ago
		engine.addDay(5, day(AS_OF.minusDays(1_000)), 4_000, 1_200);
		engine.addDay(5, day(AS_OF.minusDays(1_060)), 4_000, 1_200);
		// the others ordered a bit too, so the models have something to fit
		return engine;
	}

	private static int day(LocalDate date) {
		return Math.toIntExact(date.toEpochDay());
	}

	@Test
	void everyAccountGetsItsResourceClass() {
		ValueEngine.Scores scores = ledger().score();

		assertThat(scores.resourceClass).containsExactly(ResourceClass.LOYAL, ResourceClass.RETURNING,
				ResourceClass.ONE_TIME, ResourceClass.AT_RISK, ResourceClass.LOST, ResourceClass.POTENTIAL);
	}

	@Test
	void theBigContinuousBuyerIsTierAAndTheNonBuyerTierD() {
		ValueEngine.Scores scores = ledger().score();

		assertThat(scores.tier[0]).isEqualTo(Tier.A);
		assertThat(scores.score[0]).isGreaterThan(scores.score[1]).isGreaterThan(scores.score[4]);
		assertThat(scores.tier[5]).isEqualTo(Tier.D);
		assertThat(scores.score[5]).isLessThanOrEqualTo(SETTINGS.weightPotential());
	}

	@Test
	void theScoreIsTheWeightedSumOfItsParts() {
		ValueEngine.Scores s = ledger().score();

		for (int i = 0; i < 6; i++) {
			double sum = (20 * s.partHistorical[i] + 30 * s.partCurrent[i] + 30 * s.partFuture[i]
					+ 20 * s.partPotential[i]) / 100;
			assertThat(s.score[i]).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.051));
		}
	}

	@Test
	void valuesCountMarginToDateInTheWindowAndAhead() {
		ValueEngine.Scores s = ledger().score();

		assertThat(s.historical[0]).isEqualTo(36 * 15_000.0);
		assertThat(s.current[0]).isEqualTo(12 * 15_000.0);
		assertThat(s.current[3]).isZero();
		assertThat(s.future[0]).isGreaterThan(s.future[1]).isGreaterThan(s.future[4]);
		assertThat(s.probabilityAlive[0]).isGreaterThan(0.9);
		assertThat(s.probabilityAlive[5]).isNaN();
		assertThat(s.expectedPurchases[0]).isGreaterThan(20);
	}

	@Test
	void refundsReduceValueAndARefundDayIsNoPurchase() {
		var engine = new ValueEngine(SETTINGS, AS_OF, new long[] { 7 });
		engine.addDay(7, day(AS_OF.minusDays(40)), 10_000, 3_000);
		engine.addDay(7, day(AS_OF.minusDays(20)), -4_000, -1_200);

		ValueEngine.Scores s = engine.score();

		assertThat(s.historical[0]).isEqualTo(1_800.0);
		assertThat(s.revenue[0]).isEqualTo(6_000.0);
		assertThat(s.purchases[0]).isEqualTo(1);
		assertThat(s.resourceClass[0]).isEqualTo(ResourceClass.ONE_TIME);
	}

	@Test
	void rowsAfterTheAsOfDateAndOfUnknownAccountsAreIgnored() {
		var engine = new ValueEngine(SETTINGS, AS_OF, new long[] { 1 });

		assertThat(engine.addDay(1, day(AS_OF.plusDays(1)), 100, 30)).isFalse();
		assertThat(engine.addDay(99, day(AS_OF), 100, 30)).isFalse();
		assertThat(engine.score().resourceClass[0]).isEqualTo(ResourceClass.POTENTIAL);
	}

	@Test
	void cutOffsDecideTheTier() {
		assertThat(SETTINGS.tierOf(70)).isEqualTo(Tier.A);
		assertThat(SETTINGS.tierOf(69.9)).isEqualTo(Tier.B);
		assertThat(SETTINGS.tierOf(50)).isEqualTo(Tier.B);
		assertThat(SETTINGS.tierOf(30)).isEqualTo(Tier.C);
		assertThat(SETTINGS.tierOf(29.9)).isEqualTo(Tier.D);
	}

	@Test
	void percentilesGiveTheBestAccountAHundredAndNothingForNoValue() {
		assertThat(ValueEngine.percentiles(new double[] { 0, 10, 20, 30, 40, -5 })).containsExactly(0, 25, 50, 75, 100,
				0);
	}

	@Test
	void percentilesCountTiesAndEveryValueOfALargeBase() {
		var random = new java.util.Random(7);
		for (int size : new int[] { 1, 63, 64, 65, 1_000, 10_007 }) {
			// few distinct values, so that ties fall on the blocks' edges
			double[] values = random.doubles(size).map(v -> Math.floor(v * 40) - 5).toArray();
			double[] parts = ValueEngine.percentiles(values);
			long positives = java.util.Arrays.stream(values).filter(v -> v > 0).count();
			for (int i = 0; i < size; i++) {
				double value = values[i];
				long atOrBelow = java.util.Arrays.stream(values).filter(v -> v > 0 && v <= value).count();
				assertThat(parts[i]).as("value %s of %s", value, size)
					.isEqualTo(value > 0 ? 100.0 * atOrBelow / positives : 0);
			}
		}
	}

	@Test
	void changeKindsReadLikeAStockMovementReport() {
		State potential = new State(ResourceClass.POTENTIAL, Tier.D);
		State loyalA = new State(ResourceClass.LOYAL, Tier.A);
		State returningB = new State(ResourceClass.RETURNING, Tier.B);
		State lostD = new State(ResourceClass.LOST, Tier.D);
		State atRiskC = new State(ResourceClass.AT_RISK, Tier.C);
		State oneTimeC = new State(ResourceClass.ONE_TIME, Tier.C);

		assertThat(ChangeKind.between(null, oneTimeC)).isEqualTo(ChangeKind.NEW);
		assertThat(ChangeKind.between(potential, oneTimeC)).isEqualTo(ChangeKind.NEW);
		assertThat(ChangeKind.between(null, potential)).isEqualTo(ChangeKind.UNCHANGED);
		assertThat(ChangeKind.between(returningB, lostD)).isEqualTo(ChangeKind.LOST);
		assertThat(ChangeKind.between(lostD, lostD)).isEqualTo(ChangeKind.UNCHANGED);
		assertThat(ChangeKind.between(atRiskC, returningB)).isEqualTo(ChangeKind.REACTIVATED);
		assertThat(ChangeKind.between(returningB, loyalA)).isEqualTo(ChangeKind.UPGRADED);
		assertThat(ChangeKind.between(loyalA, returningB)).isEqualTo(ChangeKind.DOWNGRADED);
		assertThat(ChangeKind.between(returningB, returningB)).isEqualTo(ChangeKind.UNCHANGED);
	}

}
