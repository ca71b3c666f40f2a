package io.keyaccount.value.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.keyaccount.platform.files.XlsxWriter;

/**
 * The error report of a ledger import: every bad row with its number in the file, its cells as they were and the
 * reason, in the columns of the file, so it can be corrected and imported again. Created at the first bad row.
 */
final class LedgerErrorReport implements AutoCloseable {

	private final Path file;

	private final String sheet;

	private final String rowHeader;

	private final String reasonHeader;

	private List<String> headers = List.of();

	private OutputStream out;

	private XlsxWriter xlsx;

	LedgerErrorReport(Path file, String sheet, String rowHeader, String reasonHeader) {
		this.file = file;
		this.sheet = sheet;
		this.rowHeader = rowHeader;
		this.reasonHeader = reasonHeader;
	}

	void headers(List<String> fileHeaders) {
		this.headers = List.copyOf(fileHeaders);
	}

	void add(long rowNumber, List<String> cells, String reason) {
		if (xlsx == null) {
			open();
		}
		List<Object> row = new ArrayList<>(headers.size() + 2);
		row.add(rowNumber);
		for (int i = 0; i < headers.size(); i++) {
			row.add(i < cells.size() ? cells.get(i) : "");
		}
		row.add(reason);
		xlsx.row(row);
	}

	boolean written() {
		return xlsx != null;
	}

	Path file() {
		return file;
	}

	private void open() {
		List<String> head = new ArrayList<>(headers.size() + 2);
		head.add(rowHeader);
		head.addAll(headers);
		head.add(reasonHeader);
		try {
			Files.createDirectories(file.getParent());
			out = Files.newOutputStream(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		xlsx = XlsxWriter.to(out).sheet(sheet, head, 18);
	}

	@Override
	public void close() {
		if (xlsx == null) {
			return;
		}
		try (OutputStream closing = out) {
			xlsx.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
