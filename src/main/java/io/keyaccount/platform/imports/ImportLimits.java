package io.keyaccount.platform.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.keyaccount.platform.files.SheetReader;

/**
 * What one import may read and how many may run: data rows, columns and characters in a cell of one file; the
 * threads that parse and check files (never the request's own); and how many imports one user and one company may
 * have running or waiting at once. Shared by every import (accounts, ledger), so one company cannot fill the
 * threads with several kinds of import either.
 */
@ConfigurationProperties("keyaccount.import")
public record ImportLimits(Integer maxRows, Integer maxColumns, Integer maxCellLength, Integer threads,
		Integer waiting, Integer perUser, Integer perCompany) {

	public ImportLimits {
		maxRows = positive(maxRows, 200_000);
		maxColumns = positive(maxColumns, 200);
		maxCellLength = positive(maxCellLength, 32_767);
		threads = positive(threads, 2);
		waiting = positive(waiting, 20);
		perUser = positive(perUser, 1);
		perCompany = positive(perCompany, 2);
	}

	public SheetReader.Limits sheet() {
		return new SheetReader.Limits(maxRows, maxColumns, maxCellLength);
	}

	private static int positive(Integer value, int otherwise) {
		return value != null && value > 0 ? value : otherwise;
	}

}
