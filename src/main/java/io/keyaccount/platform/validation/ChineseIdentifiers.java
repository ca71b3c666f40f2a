package io.keyaccount.platform.validation;

import java.util.regex.Pattern;

/**
 * Checks for the identifiers Chinese business records carry: the unified social credit code
 * (统一社会信用代码, GB 32100-2015, with its check character), mainland mobile and landline numbers, e-mail
 * addresses and websites.
 */
public final class ChineseIdentifiers {

	private static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_CODE_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30,
			28 };

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * A landline with its area code (0571-88886666, (010)62345678, 021 5555 0000), optionally +86 before it (the
	 * area code's 0 then optional) and an extension after it (-123, 转123, ext 123, #123); a 400/800 service
	 * number; spaces removed.
	 */
	private static final Pattern LANDLINE = Pattern.compile(
			"(?:\\+?86-?(?:\\(0?\\d{2,3}\\)|0?\\d{2,3})|\\(0\\d{2,3}\\)|0\\d{2,3})-?[2-9]\\d{6,7}(?:(?:-|转|ext\\.?|x|#)\\d{1,6})?"
					+ "|[48]00-?\\d{3}-?\\d{4}",
			Pattern.CASE_INSENSITIVE);

	/** A number outside the mainland in international form (+66 2 123 4567): a country code and at most 15 digits. */
	private static final Pattern INTERNATIONAL = Pattern.compile("\\+(?!86)[1-9]\\d{6,14}");

	/** An http(s) address or a bare domain (www.example.com, 例子.中国, example.com:8080/path). */
	private static final Pattern WEBSITE = Pattern.compile(
			"(?:https?://)?(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}(?::\\d{1,5})?"
					+ "(?:[/?#]\\S*)?",
			Pattern.CASE_INSENSITIVE);

	private ChineseIdentifiers() {
	}

	/**
	 * Blank is allowed; anything else must be a credit code, checked as a user fixes it: its length first, then its
	 * characters, then the check character. Returns the code without spaces, in capitals.
	 */
	public static String optionalCreditCode(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String code = value.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
		if (code.length() != 18) {
			throw new BusinessRuleException(field, "validation.creditCodeLength", value, code.length());
		}
		for (int i = 0; i < code.length(); i++) {
			if (CREDIT_CODE_CHARSET.indexOf(code.charAt(i)) < 0) {
				throw new BusinessRuleException(field, "validation.creditCodeCharacter", value, code.charAt(i), i + 1);
			}
		}
		if (!isCreditCode(code)) {
			throw new BusinessRuleException(field, "validation.creditCodeCheck", value);
		}
		return code;
	}

	public static boolean isCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CREDIT_CODE_CHARSET.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * CREDIT_CODE_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return code.charAt(17) == CREDIT_CODE_CHARSET.charAt(check);
	}

	/** Appends the correct check character to 17 characters; used by demo data and tests. */
	public static String withCreditCodeCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
		}
		return first17 + CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31);
	}

	/** Accepts 13812345678, +86 138 1234 5678, 138-1234-5678. */
	public static boolean isMobile(String value) {
		return value != null && MOBILE.matcher(normalizeMobile(value)).matches();
	}

	public static String normalizeMobile(String value) {
		String digits = value.replaceAll("[\\s-]", "");
		return digits.startsWith("+86") ? digits.substring(3) : digits;
	}

	public static boolean isEmail(String value) {
		return value != null && EMAIL.matcher(value).matches();
	}

	/** Blank is allowed; anything else must be a mainland mobile number. Returns the normalised number. */
	public static String optionalMobile(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!isMobile(value)) {
			throw new BusinessRuleException(field, "validation.mobile", value);
		}
		return normalizeMobile(value);
	}

	/** A mainland mobile, a landline with its area code (and extension), a 400/800 number or an international one. */
	public static boolean isPhone(String value) {
		if (value == null) {
			return false;
		}
		String compact = value.strip().replaceAll("\\s", "");
		return isMobile(compact) || LANDLINE.matcher(compact).matches()
				|| INTERNATIONAL.matcher(compact.replace("-", "")).matches();
	}

	/** Blank is allowed; anything else must be a {@link #isPhone phone number}. Returns it as written, trimmed. */
	public static String optionalPhone(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!isPhone(value)) {
			throw new BusinessRuleException(field, "validation.phone", value);
		}
		return value.strip();
	}

	public static boolean isWebsite(String value) {
		return value != null && WEBSITE.matcher(value.strip()).matches();
	}

	/** Blank is allowed; anything else must be an http(s) address or a bare domain. Returns it trimmed. */
	public static String optionalWebsite(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!isWebsite(value)) {
			throw new BusinessRuleException(field, "validation.website", value);
		}
		return value.strip();
	}

	public static String optionalEmail(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!isEmail(value.trim())) {
			throw new BusinessRuleException(field, "validation.email", value);
		}
		return value.trim();
	}

}
