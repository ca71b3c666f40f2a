package io.keyaccount.customer.importing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.keyaccount.customer.AccountFacts;
import io.keyaccount.customer.AccountSource;
import io.keyaccount.customer.AccountStatus;
import io.keyaccount.customer.Attitude;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.Industry;
import io.keyaccount.customer.OwnershipType;
import io.keyaccount.customer.PurchasePattern;
import io.keyaccount.customer.PurchasingMode;
import io.keyaccount.customer.domain.AccountRules;
import io.keyaccount.customer.domain.Regions;
import io.keyaccount.customer.domain.Regions.Region;
import io.keyaccount.platform.files.SheetReader;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.ChineseIdentifiers;

/**
 * Turns the cells of one row into an account's facts and its first contact, checking each cell and collecting
 * every reason the row cannot be imported (not only the first), worded in the importer's language.
 */
final class RowInterpreter {

	private static final Map<String, ImportColumn> ACCOUNT_FIELDS = Map.of("name", ImportColumn.NAME, "creditCode",
			ImportColumn.CREDIT_CODE, "provinceCode", ImportColumn.PROVINCE, "cityCode", ImportColumn.CITY,
			"employees", ImportColumn.EMPLOYEES, "annualRevenue", ImportColumn.ANNUAL_REVENUE, "phone", ImportColumn.PHONE,
			"website", ImportColumn.WEBSITE);

	private static final Map<String, ImportColumn> CONTACT_FIELDS = Map.of("name", ImportColumn.CONTACT_NAME, "mobile",
			ImportColumn.CONTACT_MOBILE, "email", ImportColumn.CONTACT_EMAIL, "phone", ImportColumn.CONTACT_PHONE);

	private final Map<Integer, ImportColumn> mapping;

	private final ImportVocabulary vocabulary;

	private final List<Region> provinces;

	private final List<Region> cities;

	private final Map<String, List<Region>> citiesByProvince = new java.util.HashMap<>();

	private final AccountRules rules;

	private final Owners owners;

	private final long importerUserId;

	private final Locale locale;

	RowInterpreter(Map<Integer, ImportColumn> mapping, ImportVocabulary vocabulary, Regions regions, AccountRules rules,
			Owners owners, long importerUserId, Locale locale) {
		this.mapping = mapping;
		this.vocabulary = vocabulary;
		this.provinces = regions.provinces();
		this.provinces.forEach(p -> citiesByProvince.put(p.code(), regions.citiesOf(p.code())));
		this.cities = citiesByProvince.values().stream().flatMap(List::stream).toList();
		this.rules = rules;
		this.owners = owners;
		this.importerUserId = importerUserId;
		this.locale = locale;
	}

	ImportRow interpret(SheetReader.SheetRow sheetRow) {
		ImportRow row = new ImportRow(sheetRow.number(), sheetRow.cells());
		Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
		mapping.forEach((index, column) -> {
			String value = sheetRow.cell(index);
			if (!value.isBlank()) {
				cells.put(column, value.trim());
			}
		});
		cells.forEach((column, value) -> {
			if (column.maxLength() > 0 && value.length() > column.maxLength()) {
				problem(row, column, "validation.tooLong", column.maxLength());
			}
		});
		row.accountName = cells.getOrDefault(ImportColumn.NAME, "");
		row.facts = facts(row, cells);
		row.ownerUserId = owner(row, cells.get(ImportColumn.OWNER));
		row.contact = contact(row, cells);
		if (row.good()) {
			try {
				row.facts = rules.check(row.facts);
			}
			catch (BusinessRuleException ex) {
				problem(row, ACCOUNT_FIELDS.get(ex.field()), ex.messageKey(), ex.arguments());
			}
		}
		return row;
	}

	private AccountFacts facts(ImportRow row, Map<ImportColumn, String> cells) {
		String name = cells.get(ImportColumn.NAME);
		if (name == null) {
			problem(row, ImportColumn.NAME, "validation.required");
		}
		String creditCode = checked(row, ImportColumn.CREDIT_CODE,
				() -> ChineseIdentifiers.optionalCreditCode("creditCode", cells.get(ImportColumn.CREDIT_CODE)));
		String provinceCode = province(row, cells.get(ImportColumn.PROVINCE));
		String cityCode = city(row, provinceCode, cells.get(ImportColumn.CITY));
		if (provinceCode == null && cityCode != null) {
			provinceCode = regionOf(cityCode);
		}
		return new AccountFacts(name, cells.get(ImportColumn.SHORT_NAME), creditCode,
				cells.get(ImportColumn.EXTERNAL_ID), value(row, cells, ImportColumn.INDUSTRY, Industry.class),
				provinceCode, cityCode, employees(row, cells.get(ImportColumn.EMPLOYEES)),
				revenue(row, cells.get(ImportColumn.ANNUAL_REVENUE)),
				value(row, cells, ImportColumn.OWNERSHIP_TYPE, OwnershipType.class), cells.get(ImportColumn.WEBSITE),
				cells.get(ImportColumn.ADDRESS), cells.get(ImportColumn.PHONE),
				value(row, cells, ImportColumn.SOURCE, AccountSource.class),
				value(row, cells, ImportColumn.STATUS, AccountStatus.class),
				value(row, cells, ImportColumn.PURCHASING_MODE, PurchasingMode.class),
				value(row, cells, ImportColumn.PURCHASE_PATTERN, PurchasePattern.class), tags(cells.get(ImportColumn.TAGS)));
	}

	private ContactDetails contact(ImportRow row, Map<ImportColumn, String> cells) {
		if (cells.keySet().stream().noneMatch(ImportColumn::isContact)) {
			return null;
		}
		String name = cells.get(ImportColumn.CONTACT_NAME);
		if (name == null) {
			problem(row, ImportColumn.CONTACT_NAME, "import.contactNameRequired");
		}
		String mobile = checked(row, ImportColumn.CONTACT_MOBILE,
				() -> ChineseIdentifiers.optionalMobile("mobile", cells.get(ImportColumn.CONTACT_MOBILE)));
		String email = checked(row, ImportColumn.CONTACT_EMAIL,
				() -> ChineseIdentifiers.optionalEmail("email", cells.get(ImportColumn.CONTACT_EMAIL)));
		ContactDetails details = new ContactDetails(name, cells.get(ImportColumn.CONTACT_TITLE),
				cells.get(ImportColumn.CONTACT_DEPARTMENT), mobile, cells.get(ImportColumn.CONTACT_PHONE), email,
				cells.get(ImportColumn.CONTACT_WECHAT),
				value(row, cells, ImportColumn.CONTACT_BUYING_ROLE, BuyingRole.class), null,
				value(row, cells, ImportColumn.CONTACT_ATTITUDE, Attitude.class), null, null, null, null, null, null);
		if (row.good()) {
			try {
				return rules.check(details);
			}
			catch (BusinessRuleException ex) {
				problem(row, CONTACT_FIELDS.get(ex.field()), ex.messageKey(), ex.arguments());
			}
		}
		return details;
	}

	private String checked(ImportRow row, ImportColumn column, java.util.function.Supplier<String> check) {
		try {
			return check.get();
		}
		catch (BusinessRuleException ex) {
			problem(row, column, ex.messageKey(), ex.arguments());
			return null;
		}
	}

	private Long owner(ImportRow row, String text) {
		if (text == null) {
			return importerUserId;
		}
		Owners.Owner owner = owners.find(text);
		if (owner == null) {
			problem(row, ImportColumn.OWNER, "import.unknownOwner", text);
			return null;
		}
		if (!owner.enabled()) {
			problem(row, ImportColumn.OWNER, "account.userDisabled", owner.displayName());
			return null;
		}
		if (!owners.inScope(owner)) {
			problem(row, ImportColumn.OWNER, "import.ownerOutOfScope", owner.displayName());
			return null;
		}
		return owner.userId();
	}

	private <E extends Enum<E>> E value(ImportRow row, Map<ImportColumn, String> cells, ImportColumn column,
			Class<E> type) {
		String text = cells.get(column);
		if (text == null) {
			return null;
		}
		E value = vocabulary.value(type, text);
		if (value == null) {
			problem(row, column, "import.unknownValue", text, vocabulary.allowed(type, locale));
		}
		return value;
	}

	private String province(ImportRow row, String text) {
		if (text == null) {
			return null;
		}
		String code = find(provinces, text);
		if (code == null) {
			problem(row, ImportColumn.PROVINCE, "import.unknownProvince", text);
		}
		return code;
	}

	private String city(ImportRow row, String provinceCode, String text) {
		if (text == null) {
			return null;
		}
		List<Region> candidates = provinceCode != null ? citiesByProvince.getOrDefault(provinceCode, List.of()) : cities;
		String code = find(candidates, text);
		if (code == null) {
			problem(row, ImportColumn.CITY, "import.unknownCity", text);
		}
		return code;
	}

	private String regionOf(String cityCode) {
		return cities.stream().filter(c -> c.code().equals(cityCode)).map(Region::parent).findFirst().orElse(null);
	}

	/** By code (330000), full name (浙江省) or a name's beginning of two characters or more (浙江, 杭州). */
	private static String find(List<Region> candidates, String text) {
		String trimmed = text.trim();
		for (Region region : candidates) {
			if (region.code().equals(trimmed) || region.name().equals(trimmed)) {
				return region.code();
			}
		}
		if (trimmed.length() < 2) {
			return null;
		}
		List<Region> prefixed = candidates.stream().filter(r -> r.name().startsWith(trimmed)).limit(2).toList();
		return prefixed.size() == 1 ? prefixed.get(0).code() : null;
	}

	private Integer employees(ImportRow row, String text) {
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", "").replace("，", "").replace("人", "").trim()).intValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			problem(row, ImportColumn.EMPLOYEES, "import.notAWholeNumber", text);
			return null;
		}
	}

	/** A sum of money in yuan: 1234567.89, ¥1,234,567.89, 123.5万, 1.2亿. */
	private BigDecimal revenue(ImportRow row, String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replaceAll("[,，¥￥\\s]|元$|RMB|CNY", "");
		BigDecimal factor = BigDecimal.ONE;
		if (cleaned.endsWith("万")) {
			factor = BigDecimal.valueOf(10_000);
			cleaned = cleaned.substring(0, cleaned.length() - 1);
		}
		else if (cleaned.endsWith("亿")) {
			factor = BigDecimal.valueOf(100_000_000);
			cleaned = cleaned.substring(0, cleaned.length() - 1);
		}
		try {
			return new BigDecimal(cleaned).multiply(factor).setScale(2, java.math.RoundingMode.HALF_UP);
		}
		catch (NumberFormatException ex) {
			problem(row, ImportColumn.ANNUAL_REVENUE, "import.notAnAmount", text);
			return null;
		}
	}

	private static Set<String> tags(String text) {
		if (text == null) {
			return Set.of();
		}
		return Arrays.stream(text.split("[,，;；、|]"))
			.map(String::trim)
			.filter(t -> !t.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private void problem(ImportRow row, ImportColumn column, String key, Object... args) {
		String message = vocabulary.text(locale, key, args);
		row.problems.add(column == null ? message
				: vocabulary.label(column, locale) + (ImportVocabulary.english(locale) ? ": " : "：") + message);
	}

}
