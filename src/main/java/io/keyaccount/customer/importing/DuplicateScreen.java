package io.keyaccount.customer.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import io.keyaccount.customer.DuplicateFinder.DuplicateReason;
import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.domain.AccountAccess;
import io.keyaccount.customer.domain.CompanyNames;

/**
 * The checks of {@link io.keyaccount.customer.DuplicateFinder} and of the credit-code rule, for a chunk of rows
 * at a time: a few queries per check and chunk instead of several per row, so a 100,000-row file is screened in
 * seconds. Like the finder it searches the whole tenant, not only what the importer sees, and tells an account the
 * importer may not see only as "an account you cannot see" (ADR 0004). Names are compared as
 * the finder compares them (same after normalising, one containing the other, or one character apart) among
 * accounts whose normalised name begins with the same two characters; containment is found when one name begins
 * with the other.
 */
final class DuplicateScreen {

	private static final int MAX_CANDIDATES = 3;

	/** Rows per query that lists their credit codes or phone numbers. */
	private static final int ROWS_PER_QUERY = 1000;

	private final JdbcTemplate jdbc;

	private final long tenantId;

	private final Map<Long, String> ownerNames;

	private final ImportVocabulary vocabulary;

	private final Locale locale;

	private final boolean duplicatesConfirmed;

	private final AccountAccess access;

	DuplicateScreen(JdbcTemplate jdbc, long tenantId, Map<Long, String> ownerNames, ImportVocabulary vocabulary,
			Locale locale, boolean duplicatesConfirmed, AccountAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.tenantId = tenantId;
		this.ownerNames = ownerNames;
		this.vocabulary = vocabulary;
		this.locale = locale;
		this.duplicatesConfirmed = duplicatesConfirmed;
	}

	/** Marks rows whose credit code is taken as bad, and rows that look like an existing account as duplicates. */
	void screen(List<ImportRow> chunk) {
		for (List<ImportRow> part : parts(chunk)) {
			creditCodes(part);
		}
		Map<ImportRow, Map<Long, String>> candidates = new LinkedHashMap<>();
		List<ImportRow> good = chunk.stream().filter(ImportRow::good).toList();
		names(good, candidates);
		for (List<ImportRow> part : parts(good)) {
			phones(part, candidates);
		}
		candidates.forEach((row, found) -> {
			row.possibleDuplicate = true;
			if (!duplicatesConfirmed) {
				row.problems.add(vocabulary.text(locale, "import.possibleDuplicate",
						String.join(ImportVocabulary.english(locale) ? "; " : "；", found.values())));
			}
		});
	}

	private void creditCodes(List<ImportRow> chunk) {
		Map<String, ImportRow> byCode = new HashMap<>();
		chunk.stream().filter(r -> r.good() && r.facts.creditCode() != null).forEach(r -> byCode.put(r.facts.creditCode(), r));
		if (byCode.isEmpty()) {
			return;
		}
		jdbc.query("select credit_code, name, deleted_at, id, in_pool, owner_user_id, owner_unit_id from account"
				+ " where tenant_id = ? and credit_code in (" + marks(byCode.size()) + ")", rs -> {
					ImportRow row = byCode.get(rs.getString(1));
					String label = vocabulary.label(ImportColumn.CREDIT_CODE, locale) + separator();
					if (rs.getTimestamp(3) == null) {
						row.problems.add(label + (access.maySee(rs.getLong(4), rs.getBoolean(5), rs.getLong(6), rs.getLong(7))
								? vocabulary.text(locale, "account.creditCodeTaken", rs.getString(1), rs.getString(2))
								: vocabulary.text(locale, "account.creditCodeTakenUnseen", rs.getString(1))));
					}
					else {
						row.problems.add(label + vocabulary.text(locale, "account.creditCodeInRecycleBin", rs.getString(1)));
					}
				}, args(byCode.keySet()));
	}

	private void names(List<ImportRow> rows, Map<ImportRow, Map<Long, String>> candidates) {
		Map<String, NameIndex<ImportRow>> byPrefix = new HashMap<>();
		Map<ImportRow, String> normalizedNames = new HashMap<>();
		for (ImportRow row : rows) {
			String normalized = CompanyNames.normalize(row.facts.name());
			if (normalized.length() >= 2) {
				byPrefix.computeIfAbsent(normalized.substring(0, 2), p -> new NameIndex<>()).add(normalized, row);
				normalizedNames.put(row, normalized);
			}
		}
		byPrefix.forEach((prefix, index) -> jdbc.query(
				"select id, name, normalized_name, owner_user_id, owner_unit_id, in_pool from account"
						+ " where tenant_id = ? and deleted_at is null and normalized_name like ?",
				rs -> {
					String existing = rs.getString(3);
					for (ImportRow row : index.hits(existing)) {
						if (CompanyNames.similarNormalized(existing, normalizedNames.get(row))) {
							note(candidates, row, existing(rs), DuplicateReason.NAME);
						}
					}
				}, tenantId, prefix + "%"));
	}

	private void phones(List<ImportRow> rows, Map<ImportRow, Map<Long, String>> candidates) {
		Map<String, List<ImportRow>> byPhone = new HashMap<>();
		for (ImportRow row : rows) {
			if (row.facts.phone() != null && !row.facts.phone().isBlank()) {
				byPhone.computeIfAbsent(row.facts.phone().trim(), p -> new ArrayList<>(1)).add(row);
			}
			if (row.normalizedMobile() != null) {
				byPhone.computeIfAbsent(row.normalizedMobile(), p -> new ArrayList<>(1)).add(row);
			}
		}
		if (byPhone.isEmpty()) {
			return;
		}
		Object[] args = args(byPhone.keySet());
		jdbc.query("select id, name, null, owner_user_id, owner_unit_id, in_pool, phone from account"
				+ " where tenant_id = ? and deleted_at is null and phone in (" + marks(byPhone.size()) + ")", rs -> {
					notePhone(candidates, byPhone, existing(rs), rs.getString(7));
				}, args);
		// Contacts first, then their accounts: joined in one statement, H2 scanned every account and compared each of
		// its contacts with the whole list of mobiles (an import of 100,000 rows into a million accounts did not end).
		Map<Long, List<String>> mobilesByAccount = new HashMap<>();
		jdbc.query("select account_id, mobile from contact where tenant_id = ? and deleted_at is null and mobile in ("
				+ marks(byPhone.size()) + ")",
				rs -> {
					mobilesByAccount.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
				}, args);
		if (mobilesByAccount.isEmpty()) {
			return;
		}
		jdbc.query("select id, name, null, owner_user_id, owner_unit_id, in_pool from account"
				+ " where tenant_id = ? and deleted_at is null and id in (" + marks(mobilesByAccount.size()) + ")", rs -> {
					Existing account = existing(rs);
					for (String mobile : mobilesByAccount.get(account.id())) {
						notePhone(candidates, byPhone, account, mobile);
					}
				}, args(mobilesByAccount.keySet()));
	}

	/** An existing account as {@code select id, name, <any>, owner_user_id, owner_unit_id, in_pool} reads it. */
	private Existing existing(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong(1);
		long ownerUserId = rs.getLong(4);
		return new Existing(id, rs.getString(2), ownerUserId,
				access.maySee(id, rs.getBoolean(6), ownerUserId, rs.getLong(5)));
	}

	private record Existing(long id, String name, long ownerUserId, boolean seen) {
	}

	private void notePhone(Map<ImportRow, Map<Long, String>> candidates, Map<String, List<ImportRow>> byPhone,
			Existing account, String phone) {
		byPhone.getOrDefault(phone, List.of())
			.forEach(row -> note(candidates, row, account, DuplicateReason.PHONE));
	}

	private void note(Map<ImportRow, Map<Long, String>> candidates, ImportRow row, Existing account,
			DuplicateReason reason) {
		Map<Long, String> found = candidates.computeIfAbsent(row, r -> new LinkedHashMap<>());
		if (found.size() < MAX_CANDIDATES && !found.containsKey(account.id())) {
			found.put(account.id(), account.seen()
					? vocabulary.text(locale, "import.duplicateCandidate", account.name(),
							ownerNames.getOrDefault(account.ownerUserId(), ""), vocabulary.label(reason, locale))
					: vocabulary.text(locale, "import.duplicateCandidateUnseen", vocabulary.label(reason, locale)));
		}
	}

	private static List<List<ImportRow>> parts(List<ImportRow> rows) {
		List<List<ImportRow>> parts = new ArrayList<>();
		for (int from = 0; from < rows.size(); from += ROWS_PER_QUERY) {
			parts.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_QUERY)));
		}
		return parts;
	}

	private String separator() {
		return ImportVocabulary.english(locale) ? ": " : "：";
	}

	private Object[] args(Collection<?> values) {
		List<Object> args = new ArrayList<>(values.size() + 1);
		args.add(tenantId);
		args.addAll(values);
		return args.toArray();
	}

	private static String marks(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

	/**
	 * The normalised names of a chunk's rows that share a two-character prefix, indexed so that each existing name
	 * is looked up in a few hash probes: the name itself, the names it begins or ends a prefix of, and its
	 * one-character deletions (edit distance one). Every existing name sharing the prefix is probed, so most probes
	 * find nothing: their hash codes are computed from the name's characters and tested against a bit set of the
	 * keys' hash codes first, and only a probe that may hit builds its string (building every prefix and deletion
	 * of a million existing names was a quarter of an import's checking).
	 */
	static final class NameIndex<R> {

		private final Map<String, List<R>> exact = new HashMap<>();

		private final Map<String, List<R>> prefixes = new HashMap<>();

		private final Map<String, List<R>> deletions = new HashMap<>();

		private final Set<Integer> lengths = new HashSet<>();

		/** Hash codes of every key, folded into the set's size; built at the first lookup. */
		private BitSet keyHashes;

		private int mask;

		private final boolean filtered;

		NameIndex() {
			this(true);
		}

		/** Without the filter every probe builds its string: what the filter must never change, for tests. */
		NameIndex(boolean filtered) {
			this.filtered = filtered;
		}

		void add(String name, R row) {
			keyHashes = null;
			exact.computeIfAbsent(name, k -> new ArrayList<>(1)).add(row);
			if (name.length() < 4) {
				return;
			}
			lengths.add(name.length());
			for (int end = 4; end < name.length(); end++) {
				prefixes.computeIfAbsent(name.substring(0, end), k -> new ArrayList<>(1)).add(row);
			}
			for (int i = 0; i < name.length(); i++) {
				deletions.computeIfAbsent(deletion(name, i), k -> new ArrayList<>(1)).add(row);
			}
		}

		Set<R> hits(String existing) {
			if (keyHashes == null) {
				hashKeys();
			}
			Set<R> hits = new HashSet<>();
			boolean wholeMayHit = mayHold(existing.hashCode());
			if (wholeMayHit) {
				hits.addAll(exact.getOrDefault(existing, List.of()));
			}
			int length = existing.length();
			if (length < 4) {
				return hits;
			}
			if (wholeMayHit) {
				hits.addAll(prefixes.getOrDefault(existing, List.of()));
			}
			// String.hashCode of every prefix, as it goes: h(s[0, end)) = 31 * h(s[0, end - 1)) + s[end - 1]
			int[] prefixHash = new int[length + 1];
			for (int k = 0; k < length; k++) {
				prefixHash[k + 1] = 31 * prefixHash[k] + existing.charAt(k);
				int end = k + 1;
				if (end >= 4 && end < length && mayHold(prefixHash[end])) {
					hits.addAll(exact.getOrDefault(existing.substring(0, end), List.of()));
				}
			}
			if (lengths.contains(length) || lengths.contains(length + 1) || lengths.contains(length - 1)) {
				if (wholeMayHit) {
					hits.addAll(deletions.getOrDefault(existing, List.of()));
				}
				// without character i: h(s[0, i)) * 31^(length - 1 - i) + the rest's sum, kept from the end
				int suffix = 0;
				int power = 1;
				for (int i = length - 1; i >= 0; i--) {
					int shorter = prefixHash[i] * power + suffix;
					if (mayHold(shorter)) {
						String without = deletion(existing, i);
						hits.addAll(exact.getOrDefault(without, List.of()));
						hits.addAll(deletions.getOrDefault(without, List.of()));
					}
					suffix += existing.charAt(i) * power;
					power *= 31;
				}
			}
			return hits;
		}

		private boolean mayHold(int hash) {
			return !filtered || keyHashes.get(mix(hash) & mask);
		}

		private void hashKeys() {
			int keys = exact.size() + prefixes.size() + deletions.size();
			int bits = Integer.highestOneBit(Math.max(64, keys * 16 - 1)) << 1;
			mask = bits - 1;
			keyHashes = new BitSet(bits);
			for (Map<String, List<R>> map : List.of(exact, prefixes, deletions)) {
				map.keySet().forEach(key -> keyHashes.set(mix(key.hashCode()) & mask));
			}
		}

		/** Spreads the high bits of a hash code into the low ones the mask keeps. */
		private static int mix(int hash) {
			int h = hash * 0x9E3779B9;
			return h ^ (h >>> 16);
		}

		private static String deletion(String name, int index) {
			return name.substring(0, index) + name.substring(index + 1);
		}

	}

}
