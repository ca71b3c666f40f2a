package io.keyaccount.customer.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
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
import io.keyaccount.platform.web.Labelled;

/**
 * The words an import understands: column headers (labels in both languages, codes and common variants) and the
 * values of the enum columns (the Chinese label 通信, the English label, or the code TELECOM), all read from the
 * message bundles so that what the template shows is what the import accepts.
 */
@Component
public class ImportVocabulary {

	static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private static final List<Class<? extends Enum<?>>> ENUMS = List.of(Industry.class, AccountStatus.class,
			OwnershipType.class, AccountSource.class, PurchasingMode.class, PurchasePattern.class, BuyingRole.class,
			Attitude.class);

	private final MessageSource messages;

	private final Map<String, ImportColumn> headers = new HashMap<>();

	private final Map<Class<?>, Map<String, Enum<?>>> values = new HashMap<>();

	ImportVocabulary(MessageSource messages) {
		this.messages = messages;
		for (ImportColumn column : ImportColumn.values()) {
			for (Locale locale : LANGUAGES) {
				String label = normalize(label(column, locale));
				headers.putIfAbsent(label, column);
				headers.putIfAbsent(withoutBrackets(label), column);
			}
			headers.putIfAbsent(normalize(column.name()), column);
			column.aliases().forEach(alias -> headers.putIfAbsent(normalize(alias), column));
		}
		for (Class<? extends Enum<?>> type : ENUMS) {
			Map<String, Enum<?>> byWord = new HashMap<>();
			for (Enum<?> value : type.getEnumConstants()) {
				byWord.put(normalize(value.name()), value);
				for (Locale locale : LANGUAGES) {
					byWord.putIfAbsent(normalize(label((Labelled) value, locale)), value);
				}
			}
			values.put(type, byWord);
		}
	}

	/** The column a header names, also when it carries a unit or a hint in brackets: 年营业收入（元）. */
	public Optional<ImportColumn> column(String header) {
		String normalized = normalize(header);
		ImportColumn found = headers.get(normalized);
		if (found == null) {
			found = headers.get(withoutBrackets(normalized));
		}
		return Optional.ofNullable(found);
	}

	/** Matches every header it can; a column is given to the first header that names it. */
	public Map<Integer, ImportColumn> suggest(List<String> headerRow) {
		Map<Integer, ImportColumn> mapping = new LinkedHashMap<>();
		for (int i = 0; i < headerRow.size(); i++) {
			int index = i;
			column(headerRow.get(i)).filter(c -> !mapping.containsValue(c)).ifPresent(c -> mapping.put(index, c));
		}
		return mapping;
	}

	/** The enum value a cell names, or null when it names none. */
	public <E extends Enum<E>> E value(Class<E> type, String text) {
		Enum<?> found = values.get(type).get(normalize(text));
		return found == null ? null : type.cast(found);
	}

	public String allowed(Class<? extends Enum<?>> type, Locale locale) {
		return Arrays.stream(type.getEnumConstants())
			.map(v -> label((Labelled) v, locale))
			.collect(Collectors.joining(english(locale) ? ", " : "、"));
	}

	public String label(Labelled value, Locale locale) {
		return messages.getMessage(value.messageKey(), null, value.name(), locale);
	}

	public String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	public List<String> headerLabels(List<ImportColumn> columns, Locale locale) {
		List<String> labels = new ArrayList<>(columns.size());
		columns.forEach(c -> labels.add(label(c, locale)));
		return labels;
	}

	private static String withoutBrackets(String normalized) {
		return normalized.replaceAll("\\(.*?\\)", "");
	}

	static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		return text.trim()
			.toLowerCase(Locale.ROOT)
			.replace('（', '(')
			.replace('）', ')')
			.replaceAll("[\\s\\u3000*_\\-.:：/]", "");
	}

}
