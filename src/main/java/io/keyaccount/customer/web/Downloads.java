package io.keyaccount.customer.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** Spreadsheet downloads named in the user's language with a time stamp (客户_20260101_0930.xlsx). */
@Component
class Downloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

	private final MessageSource messages;

	Downloads(MessageSource messages) {
		this.messages = messages;
	}

	void xlsx(HttpServletResponse response, Locale locale, String nameKey) {
		String name = messages.getMessage(nameKey, null, nameKey, locale) + "_" + STAMP.format(LocalDateTime.now())
				+ ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
	}

}
