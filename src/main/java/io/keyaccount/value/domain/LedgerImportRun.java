package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.customer.AccountDirectory.AccountKeys;
import io.keyaccount.platform.files.SheetReader;
import io.keyaccount.platform.files.SheetReader.SheetRow;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.value.domain.LedgerImportProgress.State;

/**
 * One ledger import or dry run. Streams the file once, checking every row: its account (by credit code, external
 * id or exact name, never guessed), date, amount, margin, and its reference (单号), which must not repeat for the
 * same account, neither within the file nor against the ledger already stored. Bad rows go to the error report
 * with the reason; the good rows of a real import are recorded in one transaction, after their references are
 * looked up once more under the company's ledger-import lock, so two imports of the same file never both count.
 * Rows without a reference cannot be told apart from a repeated purchase and are recorded as they come.
 */
final class LedgerImportRun {

	static final int REFERENCE_LENGTH = 100;

	private static final Logger log = LoggerFactory.getLogger(LedgerImportRun.class);

	/** Rows whose references are looked up in the ledger together. */
	private static final int CHUNK = 1_000;

	/** Strict, so that 2025-06-31 is a bad date rather than the 30th. */
	private static final List<DateTimeFormatter> DATE_FORMATS = Stream
		.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日")
		.map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	/** Below 10^15, as the ledger's numeric(19, 2) holds it. */
	private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");

	record Tools(AccountDirectory accounts, Ledger ledger, TransactionTemplate writes, MessageSource messages) {
	}

	private record CheckedRow(long number, List<String> cells, LedgerEntry entry) {
	}

	private final LedgerImportJob job;

	private final Tools tools;

	private final Locale locale;

	private final LedgerErrorReport report;

	private final Map<String, Long> referencesInFile = new HashMap<>();

	private final List<CheckedRow> chunk = new ArrayList<>(CHUNK);

	private final List<CheckedRow> good = new ArrayList<>();

	private Map<LedgerColumn, Integer> columns = Map.of();

	private AccountKeys keys;

	LedgerImportRun(LedgerImportJob job, Tools tools, Locale locale, LedgerErrorReport report) {
		this.job = job;
		this.tools = tools;
		this.locale = locale;
		this.report = report;
	}

	void run() {
		State outcome = State.SUCCEEDED;
		try {
			check();
			if (!job.dryRun) {
				write();
			}
		}
		catch (BusinessRuleException ex) {
			outcome = fail(text(ex.messageKey(), ex.arguments()));
		}
		catch (RuntimeException | Error ex) {
			// An Error too (out of memory): the job must end, or its page would wait for ever.
			log.error("Ledger import {} of {} failed", job.id, job.fileName, ex);
			outcome = fail(text("value.import.failed"));
		}
		finally {
			report.close();
		}
		if (report.written()) {
			job.errorReport = report.file();
		}
		job.finish(outcome);
	}

	// ---- checking

	private void check() {
		keys = tools.accounts().keys();
		SheetReader.read(job.file, job.format, job.limits, new SheetReader.RowHandler() {

			@Override
			public void header(List<String> headers) {
				columns = LedgerColumn.find(headers);
				if (!LedgerColumn.enough(columns)) {
					throw BusinessRuleException.general("value.import.badHeader");
				}
				report.headers(headers);
			}

			@Override
			public boolean row(SheetRow row) {
				if (!row.isBlank()) {
					check(row);
					job.checked.incrementAndGet();
				}
				return true;
			}

		});
		screen();
	}

	private void check(SheetRow row) {
		LedgerEntry entry;
		try {
			entry = entry(row);
		}
		catch (RowProblem problem) {
			bad(row.number(), row.cells(), text(problem.getMessage(), problem.arguments));
			return;
		}
		if (entry.reference() != null) {
			Long first = referencesInFile.putIfAbsent(key(entry.accountId(), entry.reference()), row.number());
			if (first != null) {
				duplicate(row.number(), row.cells(), text("value.import.referenceRepeated", entry.reference(), first));
				return;
			}
		}
		chunk.add(new CheckedRow(row.number(), row.cells(), entry));
		if (chunk.size() >= CHUNK) {
			screen();
		}
	}

	private LedgerEntry entry(SheetRow row) {
		long accountId = account(cell(row, LedgerColumn.CREDIT_CODE), cell(row, LedgerColumn.EXTERNAL_ID),
				cell(row, LedgerColumn.NAME));
		LocalDate date = date(cell(row, LedgerColumn.DATE));
		BigDecimal amount = money(cell(row, LedgerColumn.AMOUNT), "value.import.badAmount");
		String marginText = cell(row, LedgerColumn.MARGIN);
		BigDecimal margin = marginText.isBlank() ? null : money(marginText, "value.import.badMargin");
		String reference = cell(row, LedgerColumn.REFERENCE);
		if (reference.length() > REFERENCE_LENGTH) {
			throw new RowProblem("value.import.referenceTooLong", REFERENCE_LENGTH);
		}
		return new LedgerEntry(accountId, date, amount, margin, TransactionSource.IMPORT,
				reference.isEmpty() ? null : reference);
	}

	/**
	 * The one place a row's account is found: by credit code, then external id, then exact name; a name two accounts
	 * share is refused, never guessed.
	 */
	private long account(String creditCode, String externalId, String name) {
		if (!creditCode.isBlank()) {
			Long id = keys.creditCodes().get(creditCode.trim().toUpperCase(Locale.ROOT));
			if (id != null) {
				return id;
			}
		}
		if (!externalId.isBlank()) {
			Long id = keys.externalIds().get(externalId.trim());
			if (id != null) {
				return id;
			}
		}
		if (!name.isBlank()) {
			if (keys.ambiguousNames().contains(name.trim())) {
				throw new RowProblem("value.import.ambiguousName");
			}
			Long id = keys.names().get(name.trim());
			if (id != null) {
				return id;
			}
		}
		throw new RowProblem("value.import.noAccount");
	}

	/** The rows checked so far whose reference the ledger already holds for their account are duplicates. */
	private void screen() {
		Set<String> recorded = tools.ledger().recordedReferences(chunk.stream().map(CheckedRow::entry).toList());
		for (CheckedRow row : chunk) {
			if (row.entry().reference() != null && recorded.contains(key(row.entry().accountId(), row.entry().reference()))) {
				duplicate(row.number(), row.cells(), text("value.import.referenceRecorded", row.entry().reference()));
			}
			else {
				good.add(row);
				job.good.incrementAndGet();
			}
		}
		chunk.clear();
	}

	// ---- writing

	private void write() {
		int written = tools.writes().execute(status -> {
			tools.ledger().lockForImport();
			// Another import may have recorded some of these references since they were checked.
			Set<String> recorded = tools.ledger().recordedReferences(good.stream().map(CheckedRow::entry).toList());
			List<LedgerEntry> entries = new ArrayList<>(good.size());
			for (CheckedRow row : good) {
				if (row.entry().reference() != null
						&& recorded.contains(key(row.entry().accountId(), row.entry().reference()))) {
					job.good.decrementAndGet();
					duplicate(row.number(), row.cells(), text("value.import.referenceRecorded", row.entry().reference()));
				}
				else {
					entries.add(row.entry());
				}
			}
			return tools.ledger().record(entries);
		});
		job.imported.set(written);
	}

	// ---- reporting

	private void duplicate(long number, List<String> cells, String reason) {
		job.duplicates.incrementAndGet();
		bad(number, cells, reason);
	}

	private void bad(long number, List<String> cells, String reason) {
		job.bad.incrementAndGet();
		report.add(number, cells, reason);
		job.problem(number, reason, String.join(" | ", cells));
	}

	private State fail(String message) {
		job.failureMessage = message;
		return State.FAILED;
	}

	private String text(String key, Object... args) {
		return tools.messages().getMessage(key, args, key, locale);
	}

	private String cell(SheetRow row, LedgerColumn column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.cell(index).trim();
	}

	static String key(long accountId, String reference) {
		return accountId + "\u0000" + reference;
	}

	static LocalDate date(String text) {
		String value = text.trim();
		if (value.isEmpty()) {
			throw new RowProblem("value.import.badDate");
		}
		if (value.length() > 10 && value.charAt(10) == ' ') {
			value = value.substring(0, 10);
		}
		if (value.matches("\\d{5}(\\.0+)?")) {
			// an Excel serial day number: day 25569 is 1970-01-01
			return LocalDate.ofEpochDay(Long.parseLong(value.replaceAll("\\..*", "")) - 25569);
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				LocalDate date = LocalDate.parse(value, format);
				if (date.getYear() >= 1900 && date.getYear() <= 2999) {
					return date;
				}
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		throw new RowProblem("value.import.badDate");
	}

	static BigDecimal money(String text, String problem) {
		String value = text.replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").replace(" ", "").trim();
		if (value.startsWith("(") && value.endsWith(")")) {
			value = "-" + value.substring(1, value.length() - 1);
		}
		// Plain digits only: an exponent ("1e-999999999") would make rounding to cents compute a giant power of ten.
		if (!PLAIN_AMOUNT.matcher(value).matches()) {
			throw new RowProblem(problem);
		}
		return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
	}

	/** A row's problem, as a message key and its arguments. */
	private static final class RowProblem extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Object[] arguments;

		RowProblem(String messageKey, Object... arguments) {
			super(messageKey, null, false, false);
			this.arguments = arguments;
		}

	}

}
