package io.keyaccount.platform.files;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * Writes .xlsx sheets row by row through FastExcel's streaming writer, a few hundred rows at a time, so an export
 * or an error report of 100,000 rows never sits in memory. Cells: strings, numbers (money stays a number) or null.
 */
public final class XlsxWriter implements AutoCloseable {

	private static final int FLUSH_EVERY = 500;

	private final ExcelWriter writer;

	private final List<List<Object>> pending = new ArrayList<>(FLUSH_EVERY);

	private WriteSheet sheet;

	private int sheets;

	private XlsxWriter(OutputStream out) {
		this.writer = FastExcel.write(out).autoCloseStream(false).build();
	}

	public static XlsxWriter to(OutputStream out) {
		return new XlsxWriter(out);
	}

	/** Starts the next sheet with one header row. */
	public XlsxWriter sheet(String name, List<String> headers, int columnWidth) {
		flush();
		List<List<String>> head = new ArrayList<>(headers.size());
		headers.forEach(h -> head.add(List.of(h == null ? "" : h)));
		sheet = FastExcel.writerSheet(sheets++, name)
			.head(head)
			.automaticMergeHead(false)
			.registerWriteHandler(new SimpleColumnWidthStyleStrategy(columnWidth))
			.build();
		writer.write(List.of(), sheet);
		return this;
	}

	public void row(List<?> cells) {
		pending.add(new ArrayList<>(cells));
		if (pending.size() >= FLUSH_EVERY) {
			flush();
		}
	}

	private void flush() {
		if (!pending.isEmpty()) {
			writer.write(new ArrayList<>(pending), sheet);
			pending.clear();
		}
	}

	@Override
	public void close() {
		flush();
		writer.finish();
	}

}
