package io.keyaccount.customer.domain;

import java.util.List;
import java.util.Locale;

/**
 * Company names reduced to what tells two companies apart, for duplicate detection: legal-form suffixes
 * (有限公司, 股份有限公司, Co., Ltd. ...), brackets, spaces and punctuation removed.
 */
public final class CompanyNames {

	private static final List<String> SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团",
			"股份公司", "公司", "co.,ltd.", "co., ltd.", "co.ltd", "limited", "ltd.", "ltd", "inc.", "inc", "corp.", "corp");

	private CompanyNames() {
	}

	public static String normalize(String name) {
		if (name == null) {
			return "";
		}
		String result = name.trim()
			.toLowerCase(Locale.ROOT)
			.replace('（', '(')
			.replace('）', ')')
			.replaceAll("\\([^)]*\\)", "");
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String suffix : SUFFIXES) {
				String trimmed = result.strip();
				if (trimmed.endsWith(suffix) && trimmed.length() > suffix.length()) {
					result = trimmed.substring(0, trimmed.length() - suffix.length());
					changed = true;
				}
			}
		}
		return result.replaceAll("[\\s\\p{Punct}，。、·]", "");
	}

	/**
	 * A normalised name's first two characters, then the rest backwards (上海明华科技 → 上海技科华明), as V23 writes it
	 * with PostgreSQL's {@code reverse}: names that begin alike and end alike sit together in an index of these keys.
	 */
	public static String endKey(String normalized) {
		int start = Math.min(2, normalized.length());
		return normalized.substring(0, start) + new StringBuilder(normalized.substring(start)).reverse();
	}

	/**
	 * The names {@link #similarNormalized similar} to a normalised name that an exact lookup can find: the name, the
	 * name with one character left out, and the parts of it (4+ characters) that begin with its first two characters.
	 */
	public static java.util.Set<String> nearNames(String normalized) {
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		names.add(normalized);
		int length = normalized.length();
		if (length >= 5) {
			for (int i = 0; i < length; i++) {
				names.add(normalized.substring(0, i) + normalized.substring(i + 1));
			}
		}
		String start = normalized.substring(0, Math.min(2, length));
		for (int from = normalized.indexOf(start); from >= 0; from = normalized.indexOf(start, from + 1)) {
			for (int to = from + 4; to <= length; to++) {
				names.add(normalized.substring(from, to));
			}
		}
		return names;
	}

	/** Same after normalising, or one contains the other, or one character apart (for names of 4+ characters). */
	public static boolean similar(String a, String b) {
		return similarNormalized(normalize(a), normalize(b));
	}

	/** {@link #similar} of two names already {@link #normalize normalised}. */
	public static boolean similarNormalized(String x, String y) {
		if (x.isEmpty() || y.isEmpty()) {
			return false;
		}
		if (x.equals(y)) {
			return true;
		}
		if (Math.min(x.length(), y.length()) >= 4 && (x.contains(y) || y.contains(x))) {
			return true;
		}
		return Math.min(x.length(), y.length()) >= 4 && editDistanceAtMostOne(x, y);
	}

	private static boolean editDistanceAtMostOne(String x, String y) {
		if (Math.abs(x.length() - y.length()) > 1) {
			return false;
		}
		int i = 0;
		int j = 0;
		int edits = 0;
		while (i < x.length() && j < y.length()) {
			if (x.charAt(i) == y.charAt(j)) {
				i++;
				j++;
				continue;
			}
			if (++edits > 1) {
				return false;
			}
			if (x.length() > y.length()) {
				i++;
			}
			else if (y.length() > x.length()) {
				j++;
			}
			else {
				i++;
				j++;
			}
		}
		return edits + (x.length() - i) + (y.length() - j) <= 1;
	}

}
