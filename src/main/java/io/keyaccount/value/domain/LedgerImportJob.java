package io.keyaccount.value.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.keyaccount.platform.files.SheetReader;
import io.keyaccount.value.domain.LedgerImportProgress.RowProblem;
import io.keyaccount.value.domain.LedgerImportProgress.State;

/** The live state of one ledger import or dry run, updated by its worker and read by the progress page. */
final class LedgerImportJob {

	private static final int PROBLEMS_KEPT = 100;

	final String id;

	final long tenantId;

	final long userId;

	final String fileName;

	final SheetReader.Format format;

	final Path file;

	final SheetReader.Limits limits;

	final boolean dryRun;

	final AtomicLong checked = new AtomicLong();

	final AtomicLong good = new AtomicLong();

	final AtomicLong bad = new AtomicLong();

	final AtomicLong duplicates = new AtomicLong();

	final AtomicLong imported = new AtomicLong();

	private final List<RowProblem> problems = new ArrayList<>();

	volatile State state = State.RUNNING;

	volatile Path errorReport;

	volatile String failureMessage;

	volatile Instant finishedAt;

	/** Gives the job's place among the running imports back; before the job shows itself finished. */
	volatile Runnable onFinish = () -> {
	};

	LedgerImportJob(String id, long tenantId, long userId, String fileName, SheetReader.Format format, Path file,
			SheetReader.Limits limits, boolean dryRun) {
		this.id = id;
		this.tenantId = tenantId;
		this.userId = userId;
		this.fileName = fileName;
		this.format = format;
		this.file = file;
		this.limits = limits;
		this.dryRun = dryRun;
	}

	boolean ownedBy(long tenant, long user) {
		return tenantId == tenant && userId == user;
	}

	synchronized void problem(long row, String reason, String content) {
		if (problems.size() < PROBLEMS_KEPT) {
			problems.add(new RowProblem(row, reason, content));
		}
	}

	void finish(State outcome) {
		onFinish.run();
		finishedAt = Instant.now();
		state = outcome;
	}

	synchronized LedgerImportProgress progress() {
		return new LedgerImportProgress(id, fileName, dryRun, state, checked.get(), good.get(), bad.get(),
				duplicates.get(), imported.get(), List.copyOf(problems), errorReport != null, failureMessage);
	}

}
