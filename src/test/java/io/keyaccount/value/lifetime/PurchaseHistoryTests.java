package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PurchaseHistoryTests {

	private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

	private static final LocalDate CALIBRATION_END = JAN_1.plusDays(70);

	private static Purchase purchase(String customer, int day, double amount) {
		return new Purchase(customer, JAN_1.plusDays(day), amount);
	}

	@Test
	void summarisesRecencyAgeAndRepeatSpendInWeeks() {
		var history = PurchaseHistory.of(List.of(purchase("A", 0, 100), purchase("A", 14, 30), purchase("A", 21, 50)));

		var a = history.summarise(CALIBRATION_END).get(0);

		assertThat(a.customerId()).isEqualTo("A");
		assertThat(a.repeatTransactions()).isEqualTo(2);
		assertThat(a.recencyWeeks()).isCloseTo(3.0, within(1e-12));
		assertThat(a.ageWeeks()).isCloseTo(10.0, within(1e-12));
		assertThat(a.meanRepeatValue()).as("the first purchase is not a repeat").isCloseTo(40.0, within(1e-12));
	}

	@Test
	void purchasesOnOneDayAreOneTransactionWithTheirAmountsSummed() {
		var history = PurchaseHistory.of(List.of(purchase("A", 0, 10), purchase("A", 0, 5), purchase("A", 7, 20),
				purchase("A", 7, 40), purchase("A", 10, 3)));

		var summaries = history.summarise(CALIBRATION_END);
		var a = summaries.get(0);

		assertThat(a.repeatTransactions()).isEqualTo(2);
		assertThat(a.meanRepeatValue()).isCloseTo((60 + 3) / 2.0, within(1e-12));
		assertThat(summaries.transactionCount()).isEqualTo(3);
	}

	@Test
	void onlyPurchasesUpToTheCalibrationEndCount() {
		var history = PurchaseHistory.of(List.of(purchase("A", 0, 10), purchase("A", 70, 20), purchase("A", 71, 30),
				purchase("B", 71, 99)));

		var summaries = history.summarise(CALIBRATION_END);

		assertThat(summaries.size()).as("B first bought after the end").isEqualTo(1);
		assertThat(summaries.get(0).repeatTransactions()).isEqualTo(1);
		assertThat(summaries.get(0).recencyWeeks()).isCloseTo(10.0, within(1e-12));
		assertThat(summaries.get(0).meanRepeatValue()).isCloseTo(20.0, within(1e-12));
	}

	@Test
	void aOneTimeBuyerHasNoRecencyAndNoRepeatValue() {
		var a = PurchaseHistory.of(List.of(purchase("A", 35, 80))).summarise(CALIBRATION_END).get(0);

		assertThat(a).isEqualTo(new CustomerSummary("A", 0, 0, 5, 0));
	}

	@Test
	void ordersEachCustomersPurchasesByDateWhateverTheInputOrder() {
		var history = PurchaseHistory.of(List.of(purchase("A", 21, 50), purchase("B", 3, 1), purchase("A", 0, 100),
				purchase("A", 14, 30), purchase("B", 0, 2)));

		var summaries = history.summarise(CALIBRATION_END);

		assertThat(summaries.asList()).containsExactly(new CustomerSummary("A", 2, 3, 10, 40),
				new CustomerSummary("B", 1, 3 / 7.0, 10, 1));
	}

	@Test
	void remembersTheLastPurchaseDateForADefaultCalibrationEnd() {
		var history = PurchaseHistory.of(List.of(purchase("A", 9, 1), purchase("B", 30, 1), purchase("A", 12, 1)));

		assertThat(history.lastPurchaseDate()).contains(JAN_1.plusDays(30));
		assertThat(new PurchaseHistory().lastPurchaseDate()).isEmpty();
	}

	@Test
	void growsBeyondItsInitialCapacity() {
		var history = new PurchaseHistory();
		for (int day = 0; day < 5000; day++) {
			history.add("A", JAN_1.plusDays(day), 1);
		}

		var a = history.summarise(JAN_1.plusDays(10_000)).get(0);

		assertThat(history.purchaseCount()).isEqualTo(5000);
		assertThat(a.repeatTransactions()).isEqualTo(4999);
	}

}
