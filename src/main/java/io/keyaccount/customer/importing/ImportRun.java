package io.keyaccount.customer.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountBatches;
import io.keyaccount.customer.AccountBatches.NewAccount;
import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.ImportMode;
import io.keyaccount.customer.ImportOptions;
import io.keyaccount.customer.ImportProgress.ImportPhase;
import io.keyaccount.customer.ImportProgress.ImportState;
import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.platform.files.SheetReader;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * One import in two passes over the file. The first checks every row (cells, duplicates inside the file and
 * against the database) ten thousand rows at a time, writing bad rows to the error report and remembering only the
 * numbers of the good ones. The second, unless this is a dry run or "all or nothing" found bad rows, reads the
 * file again and writes the good rows a batch per transaction through {@link AccountBatches}; when a batch fails (a
 * colleague took a credit code since the check) its rows go one by one through {@link CustomerManagement} and
 * {@link ContactBook}, whose checks name the row's problem. Memory stays bounded by the chunk and batch sizes, whatever the length of the file.
 */
final class ImportRun {

	private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

	/**
	 * Rows checked together. The name check reads every existing name that shares a row's first two characters once
	 * per chunk: with a thousand rows a chunk, a 100,000-row file read the names of a large tenant a hundred times
	 * and the check took a quarter of the import's time. Ten thousand rows hold a few tens of megabytes.
	 */
	private static final int SCREEN_CHUNK = 10_000;

	record Tools(AccountBatches batches, CustomerManagement customers, ContactBook contacts, ImportVocabulary vocabulary,
			TransactionTemplate writes, TransactionTemplate reads, EntityManager entityManager,
			int batchSize, ImportRunRecords records) {
	}

	private final ImportJob job;

	private final Tools tools;

	private final RowInterpreter interpreter;

	private final DuplicateScreen screen;

	private final ErrorReport report;

	private final Locale locale;

	private final long tenantId;

	private final ImportOptions options;

	private final BitSet goodRows = new BitSet();

	private final Map<String, Long> creditCodes = new HashMap<>();

	private final Map<String, Long> names = new HashMap<>();

	/** The durable record of an all-or-nothing import while it writes (ADR 0015), or null. */
	private Long durableRun;

	private long saved;

	ImportRun(ImportJob job, Tools tools, RowInterpreter interpreter, DuplicateScreen screen, ErrorReport report,
			Locale locale, long tenantId) {
		this.job = job;
		this.tools = tools;
		this.interpreter = interpreter;
		this.screen = screen;
		this.report = report;
		this.locale = locale;
		this.tenantId = tenantId;
		this.options = job.options;
	}

	void run() {
		ImportState outcome;
		try {
			outcome = outcome();
		}
		catch (BusinessRuleException ex) {
			outcome = fail(tools.vocabulary().text(locale, ex.messageKey(), ex.arguments()));
		}
		catch (RuntimeException | Error ex) {
			// An Error too (out of memory): the job must end as failed, or its progress bar would wait for ever.
			log.error("Import {} of {} failed", job.id, job.upload.fileName(), ex);
			boolean kept = options.mode() == ImportMode.KEEP_GOOD_ROWS && job.accounts.get() > 0;
			outcome = fail(kept ? tools.vocabulary().text(locale, "import.failedAfter", job.accounts.get())
					: tools.vocabulary().text(locale, "import.failed"));
		}
		finally {
			report.close();
		}
		// The report is complete before anyone polling sees the job finished.
		if (report.written()) {
			job.errorReport = report.file();
		}
		job.finish(outcome);
	}

	private ImportState outcome() {
		validate();
		if (options.dryRun()) {
			return ImportState.SUCCEEDED;
		}
		if (options.mode() == ImportMode.ALL_OR_NOTHING && job.bad.get() > 0) {
			return ImportState.REJECTED;
		}
		write();
		if (options.mode() == ImportMode.ALL_OR_NOTHING && job.bad.get() > 0) {
			undo();
			return ImportState.REJECTED;
		}
		if (durableRun != null && !tools.records().complete(durableRun)) {
			throw new IllegalStateException("import " + job.id + " was taken back while it wrote");
		}
		return ImportState.SUCCEEDED;
	}

	// ---- pass 1: check every row

	private void validate() {
		List<ImportRow> chunk = new ArrayList<>(SCREEN_CHUNK);
		SheetReader.read(job.upload.file(), job.upload.format(), job.upload.limits(), new SheetReader.RowHandler() {

			@Override
			public void header(List<String> headers) {
			}

			@Override
			public void size(long approximateRows) {
				job.totalRows.set(approximateRows);
			}

			@Override
			public boolean row(SheetReader.SheetRow sheetRow) {
				if (sheetRow.isBlank()) {
					return true;
				}
				ImportRow row = interpreter.interpret(sheetRow);
				checkWithinFile(row);
				chunk.add(row);
				if (chunk.size() >= SCREEN_CHUNK) {
					settle(chunk);
				}
				return true;
			}

		});
		settle(chunk);
		job.totalRows.set(job.validated.get());
	}

	private void checkWithinFile(ImportRow row) {
		String code = row.facts.creditCode();
		if (code != null && !code.isEmpty()) {
			Long first = creditCodes.putIfAbsent(code, row.number);
			if (first != null) {
				row.problems.add(tools.vocabulary().label(ImportColumn.CREDIT_CODE, locale) + separator()
						+ tools.vocabulary().text(locale, "import.creditCodeRepeated", code, String.valueOf(first)));
			}
		}
		String name = CompanyNames.normalize(row.facts.name());
		if (!name.isEmpty()) {
			Long first = names.putIfAbsent(name, row.number);
			if (first != null) {
				row.possibleDuplicate = true;
				if (!options.duplicatesConfirmed()) {
					row.problems.add(tools.vocabulary().text(locale, "import.sameNameInFile", String.valueOf(first)));
				}
			}
		}
	}

	private void settle(List<ImportRow> chunk) {
		if (chunk.isEmpty()) {
			return;
		}
		tools.reads().executeWithoutResult(status -> screen.screen(chunk));
		for (ImportRow row : chunk) {
			if (row.possibleDuplicate) {
				job.duplicates.incrementAndGet();
			}
			if (row.good()) {
				goodRows.set(Math.toIntExact(row.number));
				job.good.incrementAndGet();
			}
			else {
				bad(row.number, row.cells, row.accountName, row.problems);
			}
		}
		job.validated.addAndGet(chunk.size());
		chunk.clear();
	}

	// ---- pass 2: write the good rows

	private void write() {
		job.phase = ImportPhase.WRITING;
		if (options.mode() == ImportMode.ALL_OR_NOTHING) {
			durableRun = tools.records().begin(tenantId, job.upload.fileName());
		}
		try {
			writeGoodRows();
		}
		finally {
			// the import is done when its accounts can be found
			tools.batches().awaitIndexing();
		}
	}

	private void writeGoodRows() {
		List<ImportRow> batch = new ArrayList<>(tools.batchSize());
		SheetReader.read(job.upload.file(), job.upload.format(), job.upload.limits(), new SheetReader.RowHandler() {

			@Override
			public void header(List<String> headers) {
			}

			@Override
			public boolean row(SheetReader.SheetRow sheetRow) {
				if (!goodRows.get(Math.toIntExact(sheetRow.number()))) {
					return true;
				}
				ImportRow row = interpreter.interpret(sheetRow);
				if (!row.good()) {
					// Changed since the check (an owner was disabled meanwhile): never write it half-understood.
					badWhileWriting(row, row.problems);
					return true;
				}
				batch.add(row);
				if (batch.size() >= tools.batchSize()) {
					writeBatch(batch);
				}
				return true;
			}

		});
		writeBatch(batch);
	}

	private void writeBatch(List<ImportRow> batch) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			List<NewAccount> accounts = batch.stream().map(r -> new NewAccount(r.facts, r.ownerUserId, r.contact)).toList();
			List<Long> ids = tools.writes().execute(status -> marked(tools.batches().create(accounts)));
			remember(ids, batch.stream().filter(r -> r.contact != null).count());
		}
		catch (RuntimeException batchFailed) {
			// Something changed since the check (a colleague took a credit code): find the row through the checked
			// path, one row at a time, and keep the others.
			for (ImportRow row : batch) {
				try {
					remember(tools.writes().execute(status -> marked(List.of(save(row)))), row.contact != null ? 1 : 0);
				}
				catch (BusinessRuleException ex) {
					badWhileWriting(row, List.of(tools.vocabulary().text(locale, ex.messageKey(), ex.arguments())));
				}
				catch (RuntimeException ex) {
					log.warn("Import {} could not write row {}", job.id, row.number, ex);
					badWhileWriting(row, List.of(tools.vocabulary().text(locale, "import.rowFailed")));
				}
			}
		}
		batch.clear();
	}

	private long save(ImportRow row) {
		long id = tools.customers().create(row.facts, row.ownerUserId, null, true);
		if (row.contact != null) {
			tools.contacts().add(id, row.contact);
		}
		// Each lookup the services make flushes the session first; keeping it small keeps that flush cheap.
		if (++saved % 25 == 0) {
			tools.entityManager().flush();
			tools.entityManager().clear();
		}
		return id;
	}

	/** Marks the accounts as this run's in the transaction that writes them, so a crash cannot keep them. */
	private List<Long> marked(List<Long> ids) {
		return durableRun == null ? ids : tools.records().mark(durableRun, ids);
	}

	private void remember(List<Long> ids, long contacts) {
		job.written.addAndGet(ids.size());
		job.accounts.addAndGet(ids.size());
		job.contacts.addAndGet(contacts);
	}

	private void badWhileWriting(ImportRow row, List<String> reasons) {
		job.good.decrementAndGet();
		bad(row.number, row.cells, row.accountName, List.copyOf(reasons));
	}

	/** All or nothing, and a row failed while writing: take back what this run wrote. */
	private void undo() {
		tools.records().takeBack(tenantId, durableRun);
		durableRun = null;
		job.accounts.set(0);
		job.contacts.set(0);
	}

	private void bad(long number, List<String> cells, String accountName, List<String> reasons) {
		job.bad.incrementAndGet();
		report.add(number, cells, reasons);
		ImportRow shown = new ImportRow(number, cells);
		shown.accountName = accountName;
		shown.problems.addAll(reasons);
		job.problem(shown);
	}

	private ImportState fail(String message) {
		if (durableRun != null) {
			undo();
		}
		job.failureMessage = message;
		return ImportState.FAILED;
	}

	private String separator() {
		return ImportVocabulary.english(locale) ? ": " : "：";
	}

}
