package io.keyaccount.customer.domain;

/**
 * Values the database keeps derived from a name (its pinyin, initials, normalised form) can be longer than the
 * name: a syllable of pinyin is up to six letters a character, and Unicode normalisation expands a character such as
 * {@code ﬀ} to two. The name's own limit is what the user is held to; these columns keep as much of the derived
 * value as fits. They serve sorting and duplicate lookups, which a long value's first hundreds of characters decide;
 * search uses its own bounded terms ({@code SearchTerms}), built from the whole name.
 */
final class DerivedColumns {

	/** {@code account.normalized_name} (V2). */
	static final int ACCOUNT_NORMALIZED_NAME = 200;

	/** {@code account.name_pinyin} (V2). */
	static final int ACCOUNT_PINYIN = 800;

	/** {@code account.name_initials} (V2). */
	static final int ACCOUNT_INITIALS = 200;

	/** {@code contact.name_pinyin} (V2). */
	static final int CONTACT_PINYIN = 400;

	/** {@code contact.name_initials} (V2). */
	static final int CONTACT_INITIALS = 100;

	private DerivedColumns() {
	}

	/** The value cut to {@code max} characters, never between the two halves of a surrogate pair. */
	static String fit(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end);
	}

}
