package io.keyaccount.customer.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.keyaccount.platform.files.XlsxWriter;

/**
 * The error report of an import: every bad row with its number in the file, the values as they were, and the
 * reasons in the importer's language. Created on the first bad row and written as rows come.
 */
final class ErrorReport implements AutoCloseable {

	private final Path file;

	private final List<String> headers;

	private final ImportVocabulary vocabulary;

	private final Locale locale;

	private OutputStream out;

	private XlsxWriter xlsx;

	ErrorReport(Path file, List<String> headers, ImportVocabulary vocabulary, Locale locale) {
		this.file = file;
		this.headers = headers;
		this.vocabulary = vocabulary;
		this.locale = locale;
	}

	void add(long rowNumber, List<String> cells, List<String> reasons) {
		if (xlsx == null) {
			open();
		}
		List<Object> row = new ArrayList<>(headers.size() + 2);
		row.add(rowNumber);
		for (int i = 0; i < headers.size(); i++) {
			row.add(i < cells.size() ? cells.get(i) : "");
		}
		row.add(String.join(ImportVocabulary.english(locale) ? "; " : "；", reasons));
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
		head.add(vocabulary.text(locale, "import.report.row"));
		head.addAll(headers);
		head.add(vocabulary.text(locale, "import.report.reasons"));
		try {
			Files.createDirectories(file.getParent());
			out = Files.newOutputStream(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		xlsx = XlsxWriter.to(out).sheet(vocabulary.text(locale, "import.report.sheet"), head, 18);
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
