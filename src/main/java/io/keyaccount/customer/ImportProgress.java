package io.keyaccount.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an import job stands, and once it is finished, its report: counts, the first bad rows with the reasons
 * in the user's language, and whether an error report can be downloaded.
 */
public record ImportProgress(String jobId, String uploadId, String fileName, boolean dryRun, ImportMode mode,
		boolean duplicatesConfirmed, Map<Integer, ImportColumn> mapping, ImportState state, ImportPhase phase,
		long totalRows, long validatedRows, long writtenRows, long goodRows, long badRows, long duplicateRows,
		long importedAccounts, long importedContacts, List<RowProblem> problems, boolean errorReportAvailable,
		String failureMessage, Instant startedAt, Instant finishedAt) {

	public boolean finished() {
		return state != ImportState.RUNNING;
	}

	/** Percent done of the current phase, 0–100. */
	public int percent() {
		if (state != ImportState.RUNNING) {
			return 100;
		}
		long done = phase == ImportPhase.WRITING ? writtenRows : validatedRows;
		long of = phase == ImportPhase.WRITING ? goodRows : totalRows;
		return of <= 0 ? 0 : (int) Math.min(99, done * 100 / of);
	}

	public long seconds() {
		Instant end = finishedAt == null ? Instant.now() : finishedAt;
		return Math.max(0, end.getEpochSecond() - startedAt.getEpochSecond());
	}

	/** A row that cannot be imported: its number in the file, the account name it carried, and why. */
	public record RowProblem(long row, String accountName, List<String> reasons) {
	}

	public enum ImportState implements io.keyaccount.platform.web.Labelled {

		/** Still reading, checking or writing. */
		RUNNING,
		/** Done: a dry run checked every row, or an import wrote the good rows. */
		SUCCEEDED,
		/** All or nothing, and some rows were bad: nothing was written. */
		REJECTED,
		/** The file could not be read or the import broke off; nothing was kept. */
		FAILED

	}

	public enum ImportPhase implements io.keyaccount.platform.web.Labelled {

		VALIDATING, WRITING

	}

}
