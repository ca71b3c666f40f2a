package io.keyaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every UI string is in both bundles, every message key a template uses exists, and no template carries
 * visible text that bypasses the bundles.
 */
class I18nSyncTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	private static final Pattern TAG_WITH_TEXT = Pattern.compile("<([a-zA-Z0-9]+)([^<>]*)>([^<>]+)<");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		for (Path chineseBundle : chineseBundles()) {
			Set<String> chinese = keys(chineseBundle);
			Set<String> english = keys(englishOf(chineseBundle));
			assertThat(difference(chinese, english)).as("keys only in " + chineseBundle.getFileName()).isEmpty();
			assertThat(difference(english, chinese)).as("keys missing from " + chineseBundle.getFileName()).isEmpty();
		}
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		Set<String> twice = new TreeSet<>();
		for (Path bundle : chineseBundles()) {
			for (String key : keys(bundle)) {
				if (!seen.add(key)) {
					twice.add(key);
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	/** Properties keep the last of two lines with one key silently; a merge of two branches can leave both. */
	@Test
	void noKeyIsDefinedTwiceInOneBundle() throws IOException {
		Set<String> twice = new TreeSet<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path bundle : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				Set<String> seen = new TreeSet<>();
				for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
					String trimmed = line.strip();
					int equals = trimmed.indexOf('=');
					if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
						continue;
					}
					String key = trimmed.substring(0, equals).strip();
					if (!seen.add(key)) {
						twice.add(bundle.getFileName() + ": " + key);
					}
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyKeyUsedByATemplateExists() throws IOException {
		Set<String> chinese = new TreeSet<>();
		for (Path bundle : chineseBundles()) {
			chinese.addAll(keys(bundle));
		}
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!chinese.contains(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script.*?</script>", "")
				.replaceAll("(?s)<style.*?</style>", "");
			Matcher matcher = TAG_WITH_TEXT.matcher(html);
			while (matcher.find()) {
				String attributes = matcher.group(2);
				String text = matcher.group(3).strip();
				boolean replaced = attributes.contains("th:text") || attributes.contains("th:utext")
						|| attributes.contains("th:replace") || attributes.contains("th:insert");
				if (!replaced && isVisibleWords(text)) {
					offenders.add(template.getFileName() + ": \"" + text + "\"");
				}
			}
			Matcher placeholders = Pattern.compile("\\s(placeholder|title|aria-label|alt)=\"([^\"]*)\"").matcher(html);
			while (placeholders.find()) {
				if (isVisibleWords(placeholders.group(2))) {
					offenders.add(template.getFileName() + ": " + placeholders.group(0));
				}
			}
		}
		assertThat(offenders).isEmpty();
	}

	private static boolean isVisibleWords(String text) {
		String stripped = text.replaceAll("&[a-z]+;", "").replaceAll("\\[\\[.*?]]", "").strip();
		return stripped.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> chineseBundles() throws IOException {
		try (Stream<Path> paths = Files.list(MESSAGES)) {
			return paths.filter(p -> p.getFileName().toString().endsWith("_zh_CN.properties")).sorted().toList();
		}
	}

	private static Path englishOf(Path chineseBundle) {
		return chineseBundle.resolveSibling(chineseBundle.getFileName().toString().replace("_zh_CN", "_en"));
	}

	private static Set<String> keys(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		properties.forEach((key, value) -> assertThat(value.toString()).as(bundle.getFileName() + " " + key).isNotBlank());
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> paths = Files.walk(TEMPLATES)) {
			return paths.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

}
