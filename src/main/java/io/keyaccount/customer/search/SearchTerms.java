package io.keyaccount.customer.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.keyaccount.customer.domain.PinyinNames;
import io.keyaccount.customer.domain.PinyinNames.Unit;

/**
 * What goes into the keyword fields of the index, and how a typed keyword is cut into terms. Short prefix search
 * is done at index time: every prefix up to {@link #INDEXED_PREFIX} letters is a term, so the short input of a
 * search box is one term lookup whatever the size of the index (a prefix query for "sh" over millions of distinct
 * names would not be). Pinyin runs go into the index whole and its analyser cuts them into those prefixes
 * ({@link ChineseAnalysis#PINYIN_PREFIXES}); numbers and e-mail addresses are cut here, into the same prefixes and
 * the whole value. Longer input is a prefix query on the whole values, which so many characters narrow to a handful
 * of terms.
 */
public final class SearchTerms {

	/** Readings indexed per name: enough for names with three or four polyphonic characters. */
	static final int MAX_READINGS = 16;

	/** Longest full-pinyin run indexed; longer input is cut to this length (it still narrows well). */
	static final int MAX_PINYIN = 24;

	static final int MAX_INITIALS = 16;

	/**
	 * Longest prefix of a pinyin run, number or e-mail address indexed as a term of its own. The longer prefixes are
	 * nearly all unique: indexing them made up most of the index's terms and of an import's indexing work.
	 */
	static final int INDEXED_PREFIX = 8;

	/** Word starts from which pinyin is indexed: region, brand and trade of a company name fit easily. */
	static final int MAX_STARTS = 12;

	static final int MAX_NUMBER = 20;

	static final int MIN_NUMBER = 3;

	static final int MAX_EMAIL = 40;

	private static final int MAX_TERMS = 6;

	private static final Pattern LEGAL_FORM = Pattern
		.compile("(股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|股份公司|分公司|公司|集团|co\\.?,? ?ltd\\.?|ltd\\.?|limited|inc\\.?|corp\\.?)$",
				Pattern.CASE_INSENSITIVE);

	private SearchTerms() {
	}

	/**
	 * Full-pinyin and initials runs of a company name, starting at the name and at every later word start before
	 * the legal form, for each reading: 杭州明华科技有限公司 gives hzmhkjyxgs, mhkjyxgs, hangzhouminghuakejiyouxi…,
	 * minghuakejiyouxiangongs… The index holds their prefixes (hzmh, minghua, keji…).
	 */
	public static Set<String> companyPinyin(String name) {
		if (name == null || name.isBlank()) {
			return Set.of();
		}
		String core = LEGAL_FORM.matcher(name.strip()).replaceFirst("");
		return pinyin(name, PinyinNames.units(core).size());
	}

	/**
	 * Full-pinyin and initials runs of a person's name, from each character, for each reading: 王建华 gives wjh, jh,
	 * wangjianhua, jianhua… The index holds their prefixes.
	 */
	public static Set<String> personPinyin(String name) {
		if (name == null || name.isBlank()) {
			return Set.of();
		}
		return pinyin(name, Integer.MAX_VALUE);
	}

	private static Set<String> pinyin(String text, int coreUnits) {
		List<Unit> units = PinyinNames.units(text);
		List<Integer> starts = new ArrayList<>();
		for (int i = 0; i < units.size() && starts.size() < MAX_STARTS; i++) {
			if (i == 0 || (i < coreUnits && units.get(i).startsWord())) {
				starts.add(i);
			}
		}
		Set<String> runs = new LinkedHashSet<>();
		for (List<String> reading : PinyinNames.readings(text, MAX_READINGS)) {
			for (int start : starts) {
				StringBuilder initials = new StringBuilder();
				StringBuilder full = new StringBuilder();
				for (int i = start; i < reading.size() && (initials.length() < MAX_INITIALS || full.length() < MAX_PINYIN); i++) {
					String syllable = reading.get(i);
					if (initials.length() < MAX_INITIALS) {
						initials.append(syllable.charAt(0));
					}
					full.append(syllable, 0, Math.min(syllable.length(), MAX_PINYIN - full.length()));
				}
				runs.add(initials.toString());
				runs.add(full.toString());
			}
		}
		return runs;
	}

	/**
	 * Prefixes of a phone number or code, from three characters to {@link #INDEXED_PREFIX}, and the whole, of the
	 * number and of the number without a leading country or area code; and its last four digits ("尾号") exactly.
	 */
	public static Set<String> numberPrefixes(String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		String text = normalize(value);
		Set<String> grams = new LinkedHashSet<>();
		String compact = text.replaceAll("[^a-z0-9]", "");
		prefixes(compact, MIN_NUMBER, MAX_NUMBER, grams);
		String[] parts = text.replace("+", "").split("[^a-z0-9]+");
		if (parts.length > 1 && parts[0].length() <= 4 && (parts[0].startsWith("0") || parts[0].equals("86"))) {
			prefixes(compact.substring(parts[0].length()), MIN_NUMBER, MAX_NUMBER, grams);
		}
		if (compact.startsWith("86") && compact.length() == 13) {
			prefixes(compact.substring(2), MIN_NUMBER, MAX_NUMBER, grams);
		}
		if (compact.length() >= 7 && compact.chars().allMatch(Character::isDigit)) {
			grams.add(compact.substring(compact.length() - 4));
		}
		return grams;
	}

	/** Prefixes of an e-mail address and of its domain, from two characters to {@link #INDEXED_PREFIX}, and both whole. */
	public static Set<String> emailPrefixes(String email) {
		if (email == null || email.isBlank()) {
			return Set.of();
		}
		String text = normalize(email).strip();
		Set<String> grams = new LinkedHashSet<>();
		prefixes(text, 2, MAX_EMAIL, grams);
		int at = text.indexOf('@');
		if (at >= 0) {
			prefixes(text.substring(at + 1), 2, MAX_EMAIL, grams);
		}
		return grams;
	}

	/** The prefixes from {@code min} characters to {@link #INDEXED_PREFIX}, and the whole text (cut to {@code max}). */
	private static void prefixes(String text, int min, int max, Set<String> into) {
		for (int length = min; length <= Math.min(INDEXED_PREFIX, text.length()); length++) {
			into.add(text.substring(0, length));
		}
		if (text.length() > INDEXED_PREFIX) {
			into.add(text.substring(0, Math.min(max, text.length())));
		}
	}

	/**
	 * Where Chinese characters meet letters or digits (数字名称|123|号科技): the name analyser indexes the last
	 * character of a Chinese run on its own as well, one position before the number that follows, so a phrase of
	 * the typed term's pairs and number never lines up with the name. Each side is a term of its own instead.
	 */
	private static final Pattern SCRIPT_CHANGE = Pattern.compile("(?<=\\p{IsHan})(?=[a-z0-9])|(?<=[a-z0-9])(?=\\p{IsHan})");

	/**
	 * The terms of a typed keyword, split on spaces and where Chinese meets letters or digits; every term must
	 * match.
	 */
	public static List<Term> parse(String keyword) {
		List<Term> terms = new ArrayList<>();
		if (keyword == null) {
			return terms;
		}
		for (String part : normalize(keyword).split("[\\s,，;；、]+")) {
			for (String piece : SCRIPT_CHANGE.split(part)) {
				Term term = Term.of(piece);
				if (term != null && terms.size() < MAX_TERMS) {
					terms.add(term);
				}
			}
		}
		return terms;
	}

	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/**
	 * One typed term. {@code text} is what the Chinese text fields are searched with; {@code letters} (letters
	 * and digits only) is looked up in the pinyin and number fields; {@code email} in the e-mail field.
	 */
	public record Term(String text, boolean chinese, String letters, boolean hasDigit) {

		static Term of(String part) {
			String text = part.strip();
			if (text.isEmpty()) {
				return null;
			}
			boolean chinese = text.codePoints().anyMatch(SearchTerms::isChinese);
			String letters = text.replaceAll("[^a-z0-9]", "");
			if (!chinese && letters.isEmpty()) {
				return null;
			}
			return new Term(text, chinese, letters, letters.chars().anyMatch(Character::isDigit));
		}

		String pinyin() {
			return letters.length() > MAX_PINYIN ? letters.substring(0, MAX_PINYIN) : letters;
		}

		/** Initials of a long name are indexed only as far as {@link #MAX_INITIALS}: zsxxhykjyxgs finds 舟山…有限公司. */
		boolean longerThanIndexedInitials() {
			return letters.length() > MAX_INITIALS;
		}

		String initials() {
			return letters.substring(0, Math.min(MAX_INITIALS, letters.length()));
		}

		boolean searchesNumbers() {
			return hasDigit && letters.length() >= MIN_NUMBER;
		}

		String number() {
			return letters.length() > MAX_NUMBER ? letters.substring(0, MAX_NUMBER) : letters;
		}

		String email() {
			return text.length() > MAX_EMAIL ? text.substring(0, MAX_EMAIL) : text;
		}

	}

	private static boolean isChinese(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

}
