package io.keyaccount.value.domain;

import java.util.List;

import io.keyaccount.platform.web.Labelled;

/**
 * Where a ledger import or its dry run stands, and once finished its report: rows checked, good, bad (of which
 * duplicates), rows recorded, the first bad rows with the reason in the importer's language, and whether the error
 * report with every bad row can be downloaded.
 */
public record LedgerImportProgress(String jobId, String fileName, boolean dryRun, State state, long checkedRows,
		long goodRows, long badRows, long duplicateRows, long importedRows, List<RowProblem> problems,
		boolean errorReportAvailable, String failureMessage) {

	public boolean finished() {
		return state != State.RUNNING;
	}

	/** A dry run whose good rows can now be imported. */
	public boolean importable() {
		return dryRun && state == State.SUCCEEDED && goodRows > 0;
	}

	/** A bad row: its number in the file (the header is row 1), why it was left out, and what it held. */
	public record RowProblem(long row, String reason, String content) {
	}

	public enum State implements Labelled {

		RUNNING, SUCCEEDED, FAILED

	}

}
