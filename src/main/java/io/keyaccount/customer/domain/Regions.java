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
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** GB/T 2260 provinces and prefecture-level cities: codes stored, names shown. */
@Component
public class Regions {

	private final Map<String, Region> byCode = new LinkedHashMap<>();

	public Regions() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("customer/regions.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("code,")).forEach(line -> {
				String[] parts = line.split(",", -1);
				byCode.put(parts[0], new Region(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2]));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String name(String code) {
		Region region = code == null ? null : byCode.get(code);
		return region == null ? "" : region.name();
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

	public record Region(String code, String name, String parent) {
	}

}
