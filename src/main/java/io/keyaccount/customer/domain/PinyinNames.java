package io.keyaccount.customer.domain;

import java.util.Locale;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Full pinyin and pinyin initials of a Chinese name, so that typing {@code zgyh} or {@code zhongguo} finds
 * 中国银行. Polyphonic characters contribute their first (most common) reading; letters and digits pass through.
 */
public final class PinyinNames {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private PinyinNames() {
	}

	public static String full(String text) {
		return convert(text, false);
	}

	public static String initials(String text) {
		return convert(text, true);
	}

	private static String convert(String text, boolean initialsOnly) {
		if (text == null) {
			return null;
		}
		StringBuilder result = new StringBuilder();
		for (char c : text.toCharArray()) {
			String[] readings = readings(c);
			if (readings != null && readings.length > 0) {
				result.append(initialsOnly ? readings[0].charAt(0) : readings[0]);
			}
			else if (Character.isLetterOrDigit(c)) {
				result.append(Character.toLowerCase(c));
			}
		}
		return result.toString().toLowerCase(Locale.ROOT);
	}

	private static String[] readings(char c) {
		try {
			return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

}
