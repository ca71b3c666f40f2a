package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.keyaccount.value.lifetime.Cdnow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValueFitCommandTests {

	@TempDir
	Path directory;

	@Test
	void reproducesThePublishedCdnowFitFromTheRawTransactions() {
		Path file = Cdnow.file("cdnow_sample_transactions.csv");

		var run = run("--transactions=" + file, "--calibration-end=1997-09-30");
		JsonNode json = run.json();

		assertThat(run.exitCode).isZero();
		assertThat(json.get("customers").asInt()).isEqualTo(2357);
		assertThat(json.get("transactions").asInt()).as("2,357 first + 2,457 repeat").isEqualTo(4814);
		// weeks here are exact days / 7, in the published summary rounded to 2 decimals
		JsonNode bgNbd = json.get("bgnbd");
		assertThat(bgNbd.get("r").asDouble()).isCloseTo(0.2426, within(0.001));
		assertThat(bgNbd.get("alpha").asDouble()).isCloseTo(4.4135, within(0.001));
		assertThat(bgNbd.get("a").asDouble()).isCloseTo(0.7929, within(0.001));
		assertThat(bgNbd.get("b").asDouble()).isCloseTo(2.4258, within(0.001));
		assertThat(bgNbd.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
		JsonNode gammaGamma = json.get("gammaGamma");
		assertThat(gammaGamma.get("p").asDouble()).isCloseTo(6.249, within(0.01));
		assertThat(gammaGamma.get("q").asDouble()).isCloseTo(3.745, within(0.01));
		assertThat(gammaGamma.get("gamma").asDouble()).isCloseTo(15.448, within(0.01));
		assertThat(gammaGamma.get("logLikelihood").asDouble()).isCloseTo(-4055.92, within(0.01));
	}

	@Test
	void fitsASimulatedFileCountingOnlyPurchasesUpToTheCalibrationEnd() throws IOException {
		var simulation = Simulation.write(directory.resolve("sales.csv"), 4000, LocalDate.of(2023, 12, 31));

		var run = run("--transactions=" + simulation.file(), "--calibration-end=2023-12-31");
		JsonNode json = run.json();

		assertThat(run.exitCode).isZero();
		assertThat(run.stderr).isEmpty();
		assertThat(json.get("customers").asInt()).isEqualTo(simulation.customersByEnd());
		assertThat(json.get("transactions").asInt()).isEqualTo(simulation.transactionsByEnd());
		JsonNode bgNbd = json.get("bgnbd");
		assertThat(bgNbd.get("r").asDouble()).isCloseTo(Simulation.R, within(0.15 * Simulation.R));
		assertThat(bgNbd.get("alpha").asDouble()).isCloseTo(Simulation.ALPHA, within(0.25 * Simulation.ALPHA));
		JsonNode gammaGamma = json.get("gammaGamma");
		double meanSpend = gammaGamma.get("p").asDouble() * gammaGamma.get("gamma").asDouble()
				/ (gammaGamma.get("q").asDouble() - 1);
		assertThat(meanSpend).isCloseTo(Simulation.MEAN_SPEND, within(0.1 * Simulation.MEAN_SPEND));
	}

	@Test
	void calibrationEndDefaultsToTheLastDateInTheFile() throws IOException {
		var simulation = Simulation.write(directory.resolve("sales.csv"), 1000, LocalDate.of(2023, 12, 31));

		var run = run("--transactions=" + simulation.file());

		assertThat(run.exitCode).isZero();
		assertThat(run.json().get("customers").asInt()).isEqualTo(simulation.customers());
		assertThat(run.json().get("transactions").asInt()).isEqualTo(simulation.transactions());
	}

	@Test
	void mergesSameDayPurchasesIntoOneTransaction() throws IOException {
		Path file = write("""
				customer_id,date,amount
				A,2024-01-01,10
				A,2024-01-01,5.50
				A,2024-02-01,20
				B,2024-01-05,7
				B,2024-01-20,8
				B,2024-01-20,1
				C,2024-01-09,3
				C,2024-03-01,30
				""");

		var run = run("--transactions=" + file);

		assertThat(run.exitCode).isZero();
		assertThat(run.json().get("customers").asInt()).isEqualTo(3);
		assertThat(run.json().get("transactions").asInt()).isEqualTo(6);
	}

	@ParameterizedTest(name = "{2}")
	@CsvSource(delimiter = '|', value = { //
			"customer,date,amount\\nA,2024-01-01,10 | 1 | expected the header", //
			"customer_id,date,amount\\nA,2024-01-01,10\\nA,2024-13-01,5 | 3 | bad date '2024-13-01'", //
			"customer_id,date,amount\\nA,01/02/2024,10 | 2 | bad date '01/02/2024'", //
			"customer_id,date,amount\\nA,2024-01-01,10\\nA,2024-01-02,ten | 3 | bad amount 'ten'", //
			"customer_id,date,amount\\nA,2024-01-01,-4 | 2 | bad amount '-4'", //
			"customer_id,date,amount\\nA,2024-01-01,10\\n\\nA,2024-01-02,5,x | 4 | expected 3 columns", //
			"customer_id,date,amount\\nA,2024-01-01 | 2 | expected 3 columns (customer_id,date,amount) but found 2", //
			"customer_id,date,amount\\n,2024-01-01,10 | 2 | customer_id is empty" })
	void rejectsABadFileNamingTheLineAndTheProblem(String content, int line, String problem) throws IOException {
		Path file = write(content.replace("\\n", "\n") + "\n");

		var run = run("--transactions=" + file);

		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.stdout).isEmpty();
		assertThat(run.stderr.strip()).hasLineCount(1).contains("line " + line + ":").contains(problem);
		assertThat(run.stderr).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void rejectsAMissingFile() {
		var run = run("--transactions=" + directory.resolve("nowhere.csv"));

		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.stderr.strip()).hasLineCount(1).contains("nowhere.csv").contains("no such file");
	}

	@Test
	void rejectsAnEmptyFile() throws IOException {
		var run = run("--transactions=" + write(""));

		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.stderr).contains("line 1:").contains("empty");
	}

	@Test
	void rejectsBadUsageWithTheUsageLine() {
		assertThat(run().exitCode).isEqualTo(2);
		assertThat(run("--transactions=x.csv", "--calibration-end=30.09.1997").stderr).contains("--calibration-end")
			.contains("usage: value-fit");
		assertThat(run("--verbose").stderr).contains("unknown argument '--verbose'");
	}

	@Test
	void reportsDataThatCannotBeFittedWithoutAStackTrace() throws IOException {
		Path file = write("""
				customer_id,date,amount
				A,2024-01-01,10
				B,2024-01-02,20
				""");

		var run = run("--transactions=" + file);

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.stderr.strip()).hasLineCount(1).startsWith("value-fit: cannot fit:");
	}

	private Path write(String content) throws IOException {
		Path file = Files.createTempFile(directory, "transactions", ".csv");
		Files.writeString(file, content);
		return file;
	}

	private static Run run(String... args) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int exitCode = ValueFitCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String stdout, String stderr) {

		JsonNode json() {
			assertThat(stdout.strip()).as("exactly one line of output").hasLineCount(1);
			return JsonMapper.shared().readTree(stdout);
		}

	}

	/**
	 * A purchase file drawn from BG/NBD (purchase timing) and Gamma-Gamma (amounts); first purchases fall in
	 * the first quarter of 2023 and the file runs half a year past the calibration end.
	 */
	private record Simulation(Path file, int customers, int transactions, int customersByEnd, int transactionsByEnd) {

		static final double R = 0.5;

		static final double ALPHA = 8;

		static final double MEAN_SPEND = 4 * 20 / (3.5 - 1);

		static Simulation write(Path file, int count, LocalDate calibrationEnd) throws IOException {
			var random = new RandomDataGenerator(42L);
			LocalDate start = LocalDate.of(2023, 1, 1);
			LocalDate fileEnd = calibrationEnd.plusMonths(6);
			List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
			Set<String> days = new HashSet<>();
			Set<String> daysByEnd = new HashSet<>();
			Set<String> customersByEnd = new HashSet<>();
			for (int c = 0; c < count; c++) {
				String id = "C" + c;
				double lambda = random.nextGamma(R, 1 / ALPHA);
				double dropout = random.nextBeta(0.6, 2.5);
				double nu = random.nextGamma(3.5, 1 / 20.0);
				LocalDate first = start.plusDays(random.nextInt(0, 89));
				double weeks = 0;
				for (LocalDate date = first; !date.isAfter(fileEnd);) {
					String day = id + "," + date;
					lines.add(day + "," + String.format("%.2f", random.nextGamma(4, 1 / nu)));
					days.add(day);
					if (!date.isAfter(calibrationEnd)) {
						daysByEnd.add(day);
						customersByEnd.add(id);
					}
					if (weeks > 0 && random.nextDouble() < dropout) {
						break;
					}
					weeks += random.nextExponential(1 / lambda);
					date = first.plusDays((long) Math.min(weeks * 7, 100_000));
				}
			}
			Files.write(file, lines);
			return new Simulation(file, count, days.size(), customersByEnd.size(), daysByEnd.size());
		}

	}

}
