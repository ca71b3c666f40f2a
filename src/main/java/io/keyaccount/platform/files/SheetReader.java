package io.keyaccount.platform.files;

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
 * The {@link Limits} are checked as the rows stream by, so a file beyond them is refused at its first offending
 * row: FastExcel walks every row number up to the next row present, which made a one-row sheet whose row is
 * numbered two billion cost minutes of CPU before any row reached the handler.
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

	/**
	 * The largest file a reader accepts: data rows (counted by row number, so blank rows count too), columns, and
	 * characters in one cell (32,767 is Excel's own limit).
	 */
	public record Limits(int maxRows, int maxColumns, int maxCellLength) {

		void checkRow(long number) {
			if (number > maxRows + 1L) {
				throw new BusinessRuleException("file", "file.limit.rows", number, maxRows);
			}
		}

		void checkWidth(long number, int columns) {
			if (columns > maxColumns) {
				throw new BusinessRuleException("file", "file.limit.columns", number, columns, maxColumns);
			}
		}

		void checkCell(long number, int column, String value) {
			if (value != null && value.length() > maxCellLength) {
				throw new BusinessRuleException("file", "file.limit.cell", number, column + 1, maxCellLength);
			}
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

	public static void read(Path file, Format format, Limits limits, RowHandler handler) {
		try {
			if (format == Format.CSV) {
				readCsv(file, limits, handler);
			}
			else {
				readXlsx(file, limits, handler);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void readXlsx(Path file, Limits limits, RowHandler handler) {
		AnalysisEventListener<Map<Integer, String>> listener = new AnalysisEventListener<>() {

			private int width;

			private boolean more = true;

			private boolean sized;

			@Override
			public void invokeHeadMap(Map<Integer, String> head, AnalysisContext context) {
				List<String> headers = cells(head, 0, 1, limits);
				while (!headers.isEmpty() && headers.get(headers.size() - 1).isBlank()) {
					headers.remove(headers.size() - 1);
				}
				width = headers.size();
				handler.header(headers);
			}

			@Override
			public void invoke(Map<Integer, String> data, AnalysisContext context) {
				// Empty rows come here too (ignoreEmptyRow is off), so a far row number is refused on the way to it.
				long number = context.readRowHolder().getRowIndex() + 1L;
				limits.checkRow(number);
				if (data.values().stream().allMatch(value -> value == null || value.isBlank())) {
					return;
				}
				if (!sized) {
					sized = true;
					Integer total = context.readSheetHolder().getApproximateTotalRowNumber();
					if (total != null && total > 1) {
						handler.size(Math.min(total - 1L, limits.maxRows()));
					}
				}
				more = handler.row(new SheetRow(number, cells(data, width, number, limits)));
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
			FastExcel.read(file.toFile(), listener).ignoreEmptyRow(false).sheet(0).headRowNumber(1).autoTrim(true).doRead();
		}
		catch (ExcelAnalysisException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime && !(cause instanceof ExcelAnalysisException)) {
				throw runtime;
			}
			throw new BusinessRuleException("file", "file.unreadable");
		}
		catch (RuntimeException ex) {
			if (ex instanceof BusinessRuleException || ex instanceof UncheckedIOException) {
				throw ex;
			}
			throw new BusinessRuleException("file", "file.unreadable");
		}
	}

	private static void readCsv(Path file, Limits limits, RowHandler handler) throws IOException {
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
					long number = record.getRecordNumber();
					limits.checkRow(number);
					limits.checkWidth(number, record.size());
					List<String> cells = new ArrayList<>(record.size());
					for (String value : record) {
						limits.checkCell(number, cells.size(), value);
						cells.add(value == null ? "" : value.trim());
					}
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
					if (!handler.row(new SheetRow(number, cells))) {
						return;
					}
				}
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw new BusinessRuleException("file", "file.unreadable");
			}
		}
	}

	/**
	 * Comma unless the header line has more semicolons or tabs (European Excel, tab-separated exports). Looks at the
	 * first 64 KB only: a longer header line must not lose the mark to reset to.
	 */
	private static char delimiter(BufferedReader reader) throws IOException {
		char[] head = new char[64 * 1024];
		reader.mark(head.length);
		int length = reader.read(head, 0, head.length);
		reader.reset();
		if (length <= 0) {
			return ',';
		}
		String line = new String(head, 0, length).lines().findFirst().orElse("");
		long commas = line.chars().filter(c -> c == ',').count();
		long semicolons = line.chars().filter(c -> c == ';').count();
		long tabs = line.chars().filter(c -> c == '\t').count();
		if (tabs > commas && tabs >= semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	/** The cells of a row in column order; a cell far to the right is refused before a list that wide is made. */
	private static List<String> cells(Map<Integer, String> map, int width, long number, Limits limits) {
		int last = -1;
		for (Map.Entry<Integer, String> cell : map.entrySet()) {
			if (cell.getValue() != null && !cell.getValue().isEmpty()) {
				last = Math.max(last, cell.getKey());
				limits.checkCell(number, cell.getKey(), cell.getValue());
			}
		}
		limits.checkWidth(number, last + 1);
		int size = Math.max(width, last + 1);
		List<String> cells = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String value = map.get(i);
			cells.add(value == null ? "" : value.trim());
		}
		return cells;
	}

}
