package io.keyaccount.customer.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * GB/T 2260 provinces and prefecture-level cities: codes stored, names shown in the reader's language (the Chinese
 * name, or in an English UI the pinyin or customary English name of {@code regions-en.csv}).
 */
@Component
public class Regions {

	private final Map<String, Region> byCode = new LinkedHashMap<>();

	public Regions() {
		Map<String, String> english = new LinkedHashMap<>();
		read("customer/regions-en.csv", parts -> english.put(parts[0], parts[1]));
		read("customer/regions.csv", parts -> byCode.put(parts[0], new Region(parts[0], parts[1],
				parts[2].isEmpty() ? null : parts[2], english.getOrDefault(parts[0], parts[1]))));
	}

	private static void read(String resource, java.util.function.Consumer<String[]> row) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter(line -> !line.startsWith("#") && !line.startsWith("code,"))
				.forEach(line -> row.accept(line.split(",", -1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A region's name in the current request's language (empty when the code is unknown). */
	public String name(String code) {
		return name(code, readersLocale());
	}

	/** The current request's language; Chinese, the product's first language, outside a request (jobs, tests). */
	static Locale readersLocale() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
	}

	public String name(String code, Locale locale) {
		Region region = code == null ? null : byCode.get(code);
		return region == null ? "" : region.label(locale);
	}

	public boolean isProvince(String code) {
		Region region = code == null ? null : byCode.get(code);
		return region != null && region.parent() == null;
	}

	public boolean isCityOf(String cityCode, String provinceCode) {
		Region region = cityCode == null ? null : byCode.get(cityCode);
		return region != null && provinceCode != null && provinceCode.equals(region.parent());
	}

	public List<Region> provinces() {
		return byCode.values().stream().filter(r -> r.parent() == null).toList();
	}

	public List<Region> citiesOf(String provinceCode) {
		if (provinceCode == null) {
			return Collections.emptyList();
		}
		List<Region> cities = new ArrayList<>();
		byCode.values().stream().filter(r -> provinceCode.equals(r.parent())).forEach(cities::add);
		return cities;
	}

	/** Finds a province or city by its Chinese name, as an Excel import supplies it (浙江 / 浙江省 / 杭州). */
	public String codeOfName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String trimmed = name.trim();
		return byCode.values()
			.stream()
			.filter(r -> r.name().equals(trimmed) || r.name().startsWith(trimmed) && trimmed.length() >= 2)
			.map(Region::code)
			.findFirst()
			.orElse(null);
	}

	/** @param name the GB/T 2260 name, which imports match */
	public record Region(String code, String name, String parent, String englishName) {

		/** The name to show in the current request's language. */
		public String label() {
			return label(readersLocale());
		}

		public String label(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? englishName : name;
		}

	}

}
