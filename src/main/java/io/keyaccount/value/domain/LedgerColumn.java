package io.keyaccount.value.domain;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column of a ledger import file, found by its header in Chinese or English (the spellings users type into their
 * own sheets too). A row names its account by credit code, external id or exact name; date and amount are required.
 */
enum LedgerColumn {

	NAME("客户名称", "客户", "名称", "account", "account name", "name", "customer"),
	CREDIT_CODE("统一社会信用代码", "信用代码", "credit code", "credit_code", "creditcode"),
	EXTERNAL_ID("外部编号", "客户编号", "external id", "external_id", "externalid"),
	DATE("日期", "交易日期", "订单日期", "date", "order date"),
	AMOUNT("金额", "销售额", "收入", "amount", "revenue"),
	MARGIN("毛利", "毛利额", "margin", "gross margin"),
	REFERENCE("单号", "订单号", "参考号", "reference", "order no", "order number");

	private static final Map<String, LedgerColumn> BY_HEADER = new HashMap<>();

	static {
		for (LedgerColumn column : values()) {
			column.aliases.forEach(alias -> BY_HEADER.put(alias.toLowerCase(Locale.ROOT), column));
		}
	}

	private final List<String> aliases;

	LedgerColumn(String... aliases) {
		this.aliases = List.of(aliases);
	}

	/** The message key of the column's header in the template. */
	String labelKey() {
		return "value.import.column." + name();
	}

	/** Each known column's index in the file; the first of two columns with the same meaning wins. */
	static Map<LedgerColumn, Integer> find(List<String> headers) {
		Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
		for (int i = 0; i < headers.size(); i++) {
			String header = headers.get(i) == null ? "" : headers.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
			LedgerColumn column = BY_HEADER.get(header);
			if (column != null) {
				columns.putIfAbsent(column, i);
			}
		}
		return columns;
	}

	/** Date, amount and one of the account's keys. */
	static boolean enough(Map<LedgerColumn, Integer> columns) {
		return columns.containsKey(DATE) && columns.containsKey(AMOUNT)
				&& (columns.containsKey(NAME) || columns.containsKey(CREDIT_CODE) || columns.containsKey(EXTERNAL_ID));
	}

}
