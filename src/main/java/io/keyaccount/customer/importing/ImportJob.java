package io.keyaccount.customer.importing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.keyaccount.customer.ImportOptions;
import io.keyaccount.customer.ImportProgress;
import io.keyaccount.customer.ImportProgress.ImportPhase;
import io.keyaccount.customer.ImportProgress.ImportState;
import io.keyaccount.customer.ImportProgress.RowProblem;

/** The live state of one import or dry run, updated by its worker and read by the progress page. */
public final class ImportJob {

	static final int PROBLEMS_KEPT = 100;

	final String id;

	final StoredUpload upload;

	final ImportOptions options;

	final Instant startedAt = Instant.now();

	volatile ImportState state = ImportState.RUNNING;

	volatile ImportPhase phase = ImportPhase.VALIDATING;

	final AtomicLong totalRows = new AtomicLong();

	final AtomicLong validated = new AtomicLong();

	final AtomicLong written = new AtomicLong();

	final AtomicLong good = new AtomicLong();

	final AtomicLong bad = new AtomicLong();

	final AtomicLong duplicates = new AtomicLong();

	final AtomicLong accounts = new AtomicLong();

	final AtomicLong contacts = new AtomicLong();

	private final List<RowProblem> problems = new ArrayList<>();

	volatile Path errorReport;

	volatile String failureMessage;

	volatile Instant finishedAt;

	/** Gives the job's place among the running imports back; before the job shows itself finished. */
	volatile Runnable onFinish = () -> {
	};

	ImportJob(String id, StoredUpload upload, ImportOptions options) {
		this.id = id;
		this.upload = upload;
		this.options = options;
		this.totalRows.set(upload.estimatedRows());
	}

	public String id() {
		return id;
	}

	public StoredUpload upload() {
		return upload;
	}

	public Path errorReport() {
		return errorReport;
	}

	synchronized void problem(ImportRow row) {
		if (problems.size() < PROBLEMS_KEPT) {
			problems.add(new RowProblem(row.number, row.accountName, List.copyOf(row.problems)));
		}
	}

	synchronized void problem(long row, String accountName, String reason) {
		if (problems.size() < PROBLEMS_KEPT) {
			problems.add(new RowProblem(row, accountName, List.of(reason)));
		}
	}

	void finish(ImportState finalState) {
		onFinish.run();
		finishedAt = Instant.now();
		state = finalState;
	}

	public synchronized ImportProgress progress() {
		return new ImportProgress(id, upload.id(), upload.fileName(), options.dryRun(), options.mode(),
				options.duplicatesConfirmed(), options.mapping(), state, phase, totalRows.get(), validated.get(),
				written.get(), good.get(), bad.get(), duplicates.get(), accounts.get(), contacts.get(),
				List.copyOf(problems), errorReport != null, failureMessage, startedAt, finishedAt);
	}

}
