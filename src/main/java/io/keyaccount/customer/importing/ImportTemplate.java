package io.keyaccount.customer.importing;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.keyaccount.customer.AccountSource;
import io.keyaccount.customer.AccountStatus;
import io.keyaccount.customer.Attitude;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.Industry;
import io.keyaccount.customer.OwnershipType;
import io.keyaccount.customer.PurchasePattern;
import io.keyaccount.customer.PurchasingMode;
import io.keyaccount.platform.files.XlsxWriter;
import io.keyaccount.platform.validation.ChineseIdentifiers;

/**
 * The import template: a data sheet with every column's header in the user's language and one example row, and
 * a second sheet that explains each column and lists the values the enum columns accept.
 */
@Component
public class ImportTemplate {

	private static final Map<ImportColumn, Class<? extends Enum<?>>> ENUM_COLUMNS = Map.of(ImportColumn.INDUSTRY,
			Industry.class, ImportColumn.OWNERSHIP_TYPE, OwnershipType.class, ImportColumn.STATUS, AccountStatus.class,
			ImportColumn.SOURCE, AccountSource.class, ImportColumn.PURCHASING_MODE, PurchasingMode.class,
			ImportColumn.PURCHASE_PATTERN, PurchasePattern.class, ImportColumn.CONTACT_BUYING_ROLE, BuyingRole.class,
			ImportColumn.CONTACT_ATTITUDE, Attitude.class);

	private final ImportVocabulary vocabulary;

	ImportTemplate(ImportVocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	public void write(OutputStream out, Locale locale, String importerUsername) {
		List<ImportColumn> columns = ImportColumn.templateOrder();
		try (XlsxWriter xlsx = XlsxWriter.to(out)) {
			xlsx.sheet(vocabulary.text(locale, "import.template.dataSheet"), vocabulary.headerLabels(columns, locale), 16);
			Map<ImportColumn, Object> example = example(locale, importerUsername);
			List<Object> row = new ArrayList<>();
			columns.forEach(c -> row.add(example.get(c)));
			xlsx.row(row);
			xlsx.sheet(vocabulary.text(locale, "import.template.helpSheet"),
					List.of(vocabulary.text(locale, "import.template.column"), vocabulary.text(locale, "import.template.required"),
							vocabulary.text(locale, "import.template.description")),
					40);
			for (ImportColumn column : columns) {
				xlsx.row(List.of(vocabulary.label(column, locale),
						column == ImportColumn.NAME ? vocabulary.text(locale, "common.yes") : "", hint(column, locale)));
			}
			xlsx.row(List.of("", "", vocabulary.text(locale, "import.template.deleteExample")));
		}
	}

	private String hint(ImportColumn column, Locale locale) {
		Class<? extends Enum<?>> type = ENUM_COLUMNS.get(column);
		if (type != null) {
			return vocabulary.text(locale, "import.hint.allowed", vocabulary.allowed(type, locale));
		}
		String specific = vocabulary.text(locale, "import.hint." + column.name());
		if (!specific.equals("import.hint." + column.name())) {
			return specific;
		}
		return column.maxLength() > 0 ? vocabulary.text(locale, "import.hint.text", column.maxLength()) : "";
	}

	private Map<ImportColumn, Object> example(Locale locale, String importerUsername) {
		Map<ImportColumn, Object> example = new EnumMap<>(ImportColumn.class);
		example.put(ImportColumn.NAME, "杭州明华光电科技有限公司");
		example.put(ImportColumn.SHORT_NAME, "明华光电");
		example.put(ImportColumn.CREDIT_CODE, ChineseIdentifiers.withCreditCodeCheck("91330106MA2H7K5Q0"));
		example.put(ImportColumn.INDUSTRY, vocabulary.label(Industry.TELECOM, locale));
		example.put(ImportColumn.PROVINCE, "浙江");
		example.put(ImportColumn.CITY, "杭州");
		example.put(ImportColumn.ADDRESS, "杭州市西湖区文三路 90 号");
		example.put(ImportColumn.PHONE, "0571-88886666");
		example.put(ImportColumn.EMPLOYEES, 120);
		example.put(ImportColumn.ANNUAL_REVENUE, new java.math.BigDecimal("35000000.00"));
		example.put(ImportColumn.OWNERSHIP_TYPE, vocabulary.label(OwnershipType.PRIVATE, locale));
		example.put(ImportColumn.STATUS, vocabulary.label(AccountStatus.INTENT, locale));
		example.put(ImportColumn.SOURCE, vocabulary.label(AccountSource.EXHIBITION, locale));
		example.put(ImportColumn.PURCHASING_MODE, vocabulary.label(PurchasingMode.CENTRALISED, locale));
		example.put(ImportColumn.PURCHASE_PATTERN, vocabulary.label(PurchasePattern.CONTINUOUS, locale));
		example.put(ImportColumn.TAGS, "光通信,华东");
		example.put(ImportColumn.OWNER, importerUsername);
		example.put(ImportColumn.CONTACT_NAME, "张伟");
		example.put(ImportColumn.CONTACT_TITLE, "采购经理");
		example.put(ImportColumn.CONTACT_DEPARTMENT, "采购部");
		example.put(ImportColumn.CONTACT_MOBILE, "13812345678");
		example.put(ImportColumn.CONTACT_EMAIL, "zhangwei@example.com");
		example.put(ImportColumn.CONTACT_BUYING_ROLE, vocabulary.label(BuyingRole.DECISION_MAKER, locale));
		example.put(ImportColumn.CONTACT_ATTITUDE, vocabulary.label(Attitude.SUPPORTIVE, locale));
		return example;
	}

}
