package io.keyaccount.customer.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.event.AnalysisEventListener;
import cn.idev.excel.exception.ExcelAnalysisException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Reads the first sheet of an .xlsx file (FastExcel, event by event) or a .csv file (Commons CSV, record by
 * record) and hands over one row at a time: a whole sheet is never held in memory. The first row is the header.
 */
public final class SheetReader {

	private SheetReader() {
	}

	public enum Format {

		XLSX, CSV;

		public static Optional<Format> of(String fileName) {
			String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).trim();
			if (lower.endsWith(".xlsx")) {
				return Optional.of(XLSX);
			}
			if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
				return Optional.of(CSV);
			}
			return Optional.empty();
		}

	}

	/** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells, never null. */
	public record SheetRow(long number, List<String> cells) {

		public String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}

		public boolean isBlank() {
			return cells.stream().allMatch(String::isBlank);
		}

	}

	public interface RowHandler {

		void header(List<String> headers);

		/** Handles a data row; answers false to stop reading. */
		boolean row(SheetRow row);

		/** The approximate number of data rows, when the format tells before reading them. */
		default void size(long approximateRows) {
		}

	}

	public static void read(Path file, Format format, RowHandler handler) {
		try {
			if (format == Format.CSV) {
				readCsv(file, handler);
			}
			else {
				readXlsx(file, handler);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void readXlsx(Path file, RowHandler handler) {
		AnalysisEventListener<Map<Integer, String>> listener = new AnalysisEventListener<>() {

			private int width;

			private boolean more = true;

			private boolean sized;

			@Override
			public void invokeHeadMap(Map<Integer, String> head, AnalysisContext context) {
				List<String> headers = cells(head, 0);
				while (!headers.isEmpty() && headers.get(headers.size() - 1).isBlank()) {
					headers.remove(headers.size() - 1);
				}
				width = headers.size();
				handler.header(headers);
			}

			@Override
			public void invoke(Map<Integer, String> data, AnalysisContext context) {
				if (!sized) {
					sized = true;
					Integer total = context.readSheetHolder().getApproximateTotalRowNumber();
					if (total != null && total > 1) {
						handler.size(total - 1L);
					}
				}
				more = handler.row(new SheetRow(context.readRowHolder().getRowIndex() + 1L, cells(data, width)));
			}

			@Override
			public boolean hasNext(AnalysisContext context) {
				return more;
			}

			@Override
			public void doAfterAllAnalysed(AnalysisContext context) {
			}

		};
		try {
			FastExcel.read(file.toFile(), listener).sheet(0).headRowNumber(1).autoTrim(true).doRead();
		}
		catch (ExcelAnalysisException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime && !(cause instanceof ExcelAnalysisException)) {
				throw runtime;
			}
			throw new BusinessRuleException("file", "import.unreadable");
		}
		catch (RuntimeException ex) {
			if (ex instanceof BusinessRuleException || ex instanceof UncheckedIOException) {
				throw ex;
			}
			throw new BusinessRuleException("file", "import.unreadable");
		}
	}

	private static void readCsv(Path file, RowHandler handler) throws IOException {
		Charset charset = TextEncodings.detect(file);
		try (BufferedReader reader = TextEncodings.reader(file, charset)) {
			CSVFormat format = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter(reader))
				.setIgnoreEmptyLines(true)
				.setIgnoreSurroundingSpaces(true)
				.build();
			try (CSVParser parser = CSVParser.parse(reader, format)) {
				boolean first = true;
				int width = 0;
				for (CSVRecord record : parser) {
					List<String> cells = new ArrayList<>(record.size());
					record.forEach(value -> cells.add(value == null ? "" : value.trim()));
					if (first) {
						first = false;
						while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
							cells.remove(cells.size() - 1);
						}
						width = cells.size();
						handler.header(cells);
						continue;
					}
					while (cells.size() < width) {
						cells.add("");
					}
					if (!handler.row(new SheetRow(record.getRecordNumber(), cells))) {
						return;
					}
				}
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw new BusinessRuleException("file", "import.unreadable");
			}
		}
	}

	/** Comma unless the header line has more semicolons or tabs (European Excel, tab-separated exports). */
	private static char delimiter(BufferedReader reader) throws IOException {
		reader.mark(64 * 1024);
		String line = reader.readLine();
		reader.reset();
		if (line == null) {
			return ',';
		}
		long commas = line.chars().filter(c -> c == ',').count();
		long semicolons = line.chars().filter(c -> c == ';').count();
		long tabs = line.chars().filter(c -> c == '\t').count();
		if (tabs > commas && tabs >= semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	private static List<String> cells(Map<Integer, String> map, int width) {
		int size = Math.max(width, map.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1);
		List<String> cells = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String value = map.get(i);
			cells.add(value == null ? "" : value.trim());
		}
		return cells;
	}

}
