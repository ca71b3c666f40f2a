package io.keyaccount.value.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.idev.excel.FastExcel;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;

/**
 * Writes one sheet of rows as an .xlsx download, the header row and the file name in the reader's language; money
 * with two decimals and scores with one, as the pages show them.
 */
final class ExcelExport {

	static final int MAX_ROWS = 100_000;

	private ExcelExport() {
	}

	/** @param title the sheet's name and the file name, in the reader's language */
	static void write(HttpServletResponse response, String title, List<String> headers,
			List<List<Object>> rows) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		// Spring writes the name twice: RFC 5987 filename*= for browsers, an RFC 2047 filename= for older clients
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename(title + "-" + LocalDate.now() + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		FastExcel.write(response.getOutputStream())
			.head(headers.stream().map(List::of).toList())
			.sheet(title)
			.doWrite(rows);
	}

	static BigDecimal money(BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal oneDecimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

}
