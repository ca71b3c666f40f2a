package io.keyaccount.value.lifetime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The published CDNOW files in the shared data folder beside the project, when that folder is there. */
public final class Cdnow {

	public static final Path DIRECTORY = Path.of("..", "shared", "data", "cdnow");

	private Cdnow() {
	}

	/** Skips the calling test when the data folder is absent (e.g. a bare clone). */
	public static Path file(String name) {
		assumeTrue(Files.isDirectory(DIRECTORY), "CDNOW data not found at " + DIRECTORY.toAbsolutePath());
		return DIRECTORY.resolve(name);
	}

	/** cdnow_customers_summary.csv: ID,frequency,recency,T. */
	static CustomerSummaries rfmSummary() {
		return read("cdnow_customers_summary.csv", 0);
	}

	/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar. */
	static CustomerSummaries rfmSummaryWithSpend() {
		return read("cdnow_customers_summary_with_transactions.csv", 4);
	}

	/** frequency_holdout of cdnow_sample_cal_holdout.csv: distinct purchase days in the 39 holdout weeks. */
	static int[] holdoutPurchaseDays() throws IOException {
		List<String> lines = Files.readAllLines(file("cdnow_sample_cal_holdout.csv"));
		return lines.subList(1, lines.size()).stream().mapToInt(line -> Integer.parseInt(line.split(",")[5])).toArray();
	}

	private static CustomerSummaries read(String name, int spendColumn) {
		try {
			List<String> lines = Files.readAllLines(file(name));
			List<CustomerSummary> summaries = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.strip().split(",");
				double spend = spendColumn == 0 ? 0 : Double.parseDouble(cells[spendColumn]);
				summaries.add(new CustomerSummary(cells[0], Integer.parseInt(cells[1]), Double.parseDouble(cells[2]),
						Double.parseDouble(cells[3]), spend));
			}
			return CustomerSummaries.of(summaries);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
