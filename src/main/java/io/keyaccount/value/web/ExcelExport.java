package io.keyaccount.value.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.idev.excel.FastExcel;
import jakarta.servlet.http.HttpServletResponse;

/** Writes one sheet of rows as an .xlsx download, the header row in the reader's language. */
final class ExcelExport {

	static final int MAX_ROWS = 100_000;

	private ExcelExport() {
	}

	static void write(HttpServletResponse response, String baseName, String sheet, List<String> headers,
			List<List<Object>> rows) throws IOException {
		String fileName = baseName + "-" + LocalDate.now() + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
		FastExcel.write(response.getOutputStream())
			.head(headers.stream().map(List::of).toList())
			.sheet(sheet)
			.doWrite(rows);
	}

}
