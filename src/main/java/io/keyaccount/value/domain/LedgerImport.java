package io.keyaccount.value.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.idev.excel.FastExcel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.customer.AccountDirectory.AccountKeys;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Imports purchase history from .xlsx or .csv (UTF-8, or GB18030 as Excel saves it in China). Each row names its
 * account by credit code, external id or exact name, in that order; a row that matches none, or a name two
 * accounts share, is reported and skipped, never guessed. Bad dates and amounts are reported by row number. The
 * good rows are recorded in one transaction.
 */
@Service
public class LedgerImport {

	static final int MAX_ROWS = 200_000;

	private static final Map<String, Column> HEADERS = new HashMap<>();

	static {
		alias(Column.CREDIT_CODE, "统一社会信用代码", "信用代码", "credit code", "credit_code", "creditcode");
		alias(Column.EXTERNAL_ID, "外部编号", "客户编号", "external id", "external_id", "externalid");
		alias(Column.NAME, "客户名称", "客户", "名称", "account", "account name", "name", "customer");
		alias(Column.DATE, "日期", "交易日期", "订单日期", "date", "order date");
		alias(Column.AMOUNT, "金额", "销售额", "收入", "amount", "revenue");
		alias(Column.MARGIN, "毛利", "毛利额", "margin", "gross margin");
		alias(Column.REFERENCE, "单号", "订单号", "参考号", "reference", "order no", "order number");
	}

	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

	private final AccountDirectory accounts;

	private final Ledger ledger;

	LedgerImport(AccountDirectory accounts, Ledger ledger) {
		this.accounts = accounts;
		this.ledger = ledger;
	}

	@Transactional
	public ImportReport importFile(String fileName, byte[] content) {
		List<List<String>> table = read(fileName, content);
		if (table.isEmpty()) {
			throw BusinessRuleException.general("value.import.empty");
		}
		Map<Column, Integer> columns = columns(table.get(0));
		if (!columns.containsKey(Column.DATE) || !columns.containsKey(Column.AMOUNT) || !(columns.containsKey(
				Column.NAME) || columns.containsKey(Column.CREDIT_CODE) || columns.containsKey(Column.EXTERNAL_ID))) {
			throw BusinessRuleException.general("value.import.badHeader");
		}
		if (table.size() - 1 > MAX_ROWS) {
			throw BusinessRuleException.general("value.import.tooLarge", MAX_ROWS);
		}
		AccountKeys keys = accounts.keys();
		List<LedgerEntry> good = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		for (int r = 1; r < table.size(); r++) {
			List<String> row = table.get(r);
			if (row.stream().allMatch(cell -> cell == null || cell.isBlank())) {
				continue;
			}
			int rowNumber = r + 1;
			String problem = null;
			Long accountId = null;
			LocalDate date = null;
			BigDecimal amount = null;
			BigDecimal margin = null;
			try {
				accountId = match(keys, cell(row, columns, Column.CREDIT_CODE), cell(row, columns, Column.EXTERNAL_ID),
						cell(row, columns, Column.NAME));
				date = date(cell(row, columns, Column.DATE));
				amount = money(cell(row, columns, Column.AMOUNT), "value.import.badAmount");
				String marginText = cell(row, columns, Column.MARGIN);
				margin = marginText.isBlank() ? null : money(marginText, "value.import.badMargin");
			}
			catch (RowException ex) {
				problem = ex.getMessage();
			}
			if (problem != null) {
				problems.add(new RowProblem(rowNumber, problem, ex(row)));
			}
			else {
				String reference = cell(row, columns, Column.REFERENCE);
				good.add(new LedgerEntry(accountId, date, amount, margin, TransactionSource.IMPORT,
						reference.isBlank() ? null : truncate(reference)));
			}
		}
		ledger.record(good);
		return new ImportReport(good.size(), problems);
	}

	private static String ex(List<String> row) {
		return String.join(" | ", row.stream().map(c -> c == null ? "" : c).toList());
	}

	private static String truncate(String text) {
		return text.length() > 100 ? text.substring(0, 100) : text;
	}

	private static Long match(AccountKeys keys, String creditCode, String externalId, String name) {
		if (!creditCode.isBlank()) {
			Long id = keys.creditCodes().get(creditCode.trim().toUpperCase(Locale.ROOT));
			if (id != null) {
				return id;
			}
		}
		if (!externalId.isBlank()) {
			Long id = keys.externalIds().get(externalId.trim());
			if (id != null) {
				return id;
			}
		}
		if (!name.isBlank()) {
			if (keys.ambiguousNames().contains(name.trim())) {
				throw new RowException("value.import.ambiguousName");
			}
			Long id = keys.names().get(name.trim());
			if (id != null) {
				return id;
			}
		}
		throw new RowException("value.import.noAccount");
	}

	static LocalDate date(String text) {
		String value = text.trim();
		if (value.isEmpty()) {
			throw new RowException("value.import.badDate");
		}
		if (value.length() > 10 && value.charAt(10) == ' ') {
			value = value.substring(0, 10);
		}
		if (value.matches("\\d{5}(\\.0+)?")) {
			// an Excel serial day number: day 25569 is 1970-01-01
			return LocalDate.ofEpochDay(Long.parseLong(value.replaceAll("\\..*", "")) - 25569);
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				LocalDate date = LocalDate.parse(value, format);
				if (date.getYear() >= 1900 && date.getYear() <= 2999) {
					return date;
				}
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		throw new RowException("value.import.badDate");
	}

	static BigDecimal money(String text, String problem) {
		String value = text.replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").replace(" ", "").trim();
		if (value.startsWith("(") && value.endsWith(")")) {
			value = "-" + value.substring(1, value.length() - 1);
		}
		try {
			BigDecimal amount = new BigDecimal(value);
			if (amount.abs().compareTo(new BigDecimal("1e15")) >= 0) {
				throw new RowException(problem);
			}
			return amount.setScale(2, RoundingMode.HALF_UP);
		}
		catch (NumberFormatException ex) {
			throw new RowException(problem);
		}
	}

	private static String cell(List<String> row, Map<Column, Integer> columns, Column column) {
		Integer index = columns.get(column);
		if (index == null || index >= row.size() || row.get(index) == null) {
			return "";
		}
		return row.get(index).trim();
	}

	private static Map<Column, Integer> columns(List<String> header) {
		Map<Column, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
			Column column = HEADERS.get(name);
			if (column != null) {
				columns.putIfAbsent(column, i);
			}
		}
		return columns;
	}

	private static List<List<String>> read(String fileName, byte[] content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return csv(decode(content));
		}
		if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			return excel(content);
		}
		throw BusinessRuleException.general("value.import.badFormat");
	}

	@SuppressWarnings("unchecked")
	private static List<List<String>> excel(byte[] content) {
		List<List<String>> table = new ArrayList<>();
		try (InputStream in = new ByteArrayInputStream(content)) {
			List<Object> rows = FastExcel.read(in).sheet().headRowNumber(0).doReadSync();
			for (Object row : rows) {
				Map<Integer, String> cells = (Map<Integer, String>) row;
				int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
				List<String> line = new ArrayList<>(width);
				for (int c = 0; c < width; c++) {
					line.add(cells.get(c));
				}
				table.add(line);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw BusinessRuleException.general("value.import.unreadable");
		}
		return table;
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, Charset.forName("GB18030"));
		}
	}

	/** Comma-separated values with optional double quotes ("" inside quotes is a quote). */
	static List<List<String>> csv(String text) {
		List<List<String>> table = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				table.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			table.add(row);
		}
		return table;
	}

	private static void alias(Column column, String... names) {
		for (String name : names) {
			HEADERS.put(name.toLowerCase(Locale.ROOT), column);
		}
	}

	private enum Column {

		CREDIT_CODE, EXTERNAL_ID, NAME, DATE, AMOUNT, MARGIN, REFERENCE

	}

	/** A row's problem, as a message key. */
	private static final class RowException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RowException(String messageKey) {
			super(messageKey, null, false, false);
		}

	}

	/** What an import did: rows recorded, and each row left out with the reason (a message key). */
	public record ImportReport(int imported, List<RowProblem> problems) {
	}

	/** A row left out: its row number in the file (the header is row 1), the reason and the row's text. */
	public record RowProblem(int row, String messageKey, String content) {
	}

}
