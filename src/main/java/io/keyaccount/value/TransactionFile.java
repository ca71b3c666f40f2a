package io.keyaccount.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;

import io.keyaccount.value.lifetime.PurchaseHistory;

/**
 * Reads a UTF-8 CSV of purchases with the header {@code customer_id,date,amount}, ISO dates
 * ({@code yyyy-MM-dd}) and non-negative decimal amounts. Fields are not quoted; blank lines are skipped.
 * Parsing is by hand rather than with a CSV library or a date formatter because ten million lines
 * should take seconds, and every rejection must name its line.
 */
final class TransactionFile {

	static final String HEADER = "customer_id,date,amount";

	private final Path path;

	private int lineNumber;

	private TransactionFile(Path path) {
		this.path = path;
	}

	static PurchaseHistory read(Path path) throws TransactionFileException {
		return new TransactionFile(path).read();
	}

	private PurchaseHistory read() throws TransactionFileException {
		try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			readHeader(reader.readLine());
			var history = new PurchaseHistory();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNumber++;
				if (!line.isBlank()) {
					addPurchase(history, line);
				}
			}
			return history;
		}
		catch (NoSuchFileException e) {
			throw new TransactionFileException("cannot read " + path + ": no such file");
		}
		catch (CharacterCodingException e) {
			throw problem("not UTF-8 text");
		}
		catch (IOException e) {
			throw new TransactionFileException("cannot read " + path + ": " + e.getMessage());
		}
	}

	private void readHeader(String line) throws TransactionFileException {
		lineNumber = 1;
		if (line == null) {
			throw problem("the file is empty; expected the header '" + HEADER + "'");
		}
		String header = line.startsWith("\uFEFF") ? line.substring(1) : line;
		if (!header.strip().equals(HEADER)) {
			throw problem("expected the header '" + HEADER + "' but found '" + abbreviate(line) + "'");
		}
	}

	private void addPurchase(PurchaseHistory history, String line) throws TransactionFileException {
		int first = line.indexOf(',');
		int second = first < 0 ? -1 : line.indexOf(',', first + 1);
		if (second < 0 || line.indexOf(',', second + 1) >= 0) {
			throw problem("expected 3 columns (" + HEADER + ") but found " + columns(line));
		}
		String customerId = line.substring(0, first).strip();
		if (customerId.isEmpty()) {
			throw problem("customer_id is empty");
		}
		history.add(customerId, date(line.substring(first + 1, second).strip()),
				amount(line.substring(second + 1).strip()));
	}

	private LocalDate date(String text) throws TransactionFileException {
		if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
			try {
				return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
			}
			catch (NumberFormatException | DateTimeException e) {
				// reported below
			}
		}
		throw problem("bad date '" + abbreviate(text) + "', expected yyyy-MM-dd");
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new NumberFormatException(text);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** Digits with at most one decimal point; Double.parseDouble alone would accept "NaN", "1e9" and "0x1p3". */
	private double amount(String text) throws TransactionFileException {
		int digitCount = 0;
		int points = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digitCount++;
			}
			else if (c == '.') {
				points++;
			}
			else {
				digitCount = -1;
				break;
			}
		}
		if (digitCount <= 0 || points > 1) {
			throw problem("bad amount '" + abbreviate(text) + "', expected a non-negative decimal number such as 12.50");
		}
		return Double.parseDouble(text);
	}

	private TransactionFileException problem(String what) {
		return new TransactionFileException(path + " line " + lineNumber + ": " + what);
	}

	private static long columns(String line) {
		return line.chars().filter(c -> c == ',').count() + 1;
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 37) + "...";
	}

}
