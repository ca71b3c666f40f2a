package io.keyaccount.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import java.util.List;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The bare index query behind a keyword search, as the account list asks it: the app's Lucene index of accounts
 * opened read-only, the term analysed as the app analyses it (CJK character pairs; pinyin as a keyword), filtered
 * to accounts outside the shared pool that the user's data scope or account teams cover, sorted by last change
 * (then id), the first 20 ids and the exact number of hits. The field encodings are Hibernate Search's: ids and
 * instants as long points with sorted-numeric doc values for sorting, booleans as int points (1 for true), the
 * tenant as a term of its own field.
 */
final class IndexReference implements AutoCloseable {

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final QueryBuilder bigrams = new QueryBuilder(new Bigrams());

	private final Query scope;

	private static final Sort LATEST_CHANGE_FIRST = new Sort(
			new SortedNumericSortField("updatedAt", SortField.Type.LONG, true),
			new SortedNumericSortField("accountId", SortField.Type.LONG, true));

	IndexReference(Path indexRoot, BenchDb.Staff user) throws IOException {
		this.reader = DirectoryReader.open(FSDirectory.open(accountIndex(indexRoot)));
		this.searcher = new IndexSearcher(reader);
		this.scope = new BooleanQuery.Builder()
			.add(new TermQuery(new Term("__HSEARCH_tenantId", Long.toString(user.tenantId()))), Occur.FILTER)
			.add(IntPoint.newExactQuery("inPool", 0), Occur.FILTER)
			.add(new BooleanQuery.Builder().add(LongPoint.newExactQuery("ownerUser", user.userId()), Occur.SHOULD)
				.add(LongPoint.newExactQuery("team", user.userId()), Occur.SHOULD)
				.add(LongPoint.newSetQuery("ownerUnit", user.visibleUnits()), Occur.SHOULD)
				.build(), Occur.FILTER)
			.build();
	}

	/** The newest layout's account index ({@code account-v<n>}), which is the one the app writes. */
	private static Path accountIndex(Path indexRoot) throws IOException {
		try (var dirs = java.nio.file.Files.list(indexRoot)) {
			return dirs.filter(d -> d.getFileName().toString().matches("account-v\\d+"))
				.max(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(9))))
				.orElseThrow(() -> new IOException("no account index under " + indexRoot));
		}
	}

	int documents() {
		return reader.numDocs();
	}

	/** A Chinese term: a phrase of character pairs in names, contact names and notes, as the app asks. */
	Query chinese(String term) {
		return new BooleanQuery.Builder()
			.add(new BoostQuery(bigrams.createPhraseQuery("name", term), 4), Occur.SHOULD)
			.add(new BoostQuery(bigrams.createPhraseQuery("shortName", term), 3), Occur.SHOULD)
			.add(new BoostQuery(bigrams.createPhraseQuery("contactName", term), 2), Occur.SHOULD)
			.add(bigrams.createPhraseQuery("notes", term), Occur.SHOULD)
			.build();
	}

	/** Letters: the pinyin (full or initials) of the account's and its contacts' names. */
	Query pinyin(String term) {
		return new BooleanQuery.Builder()
			.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("pinyin", term))), 3), Occur.SHOULD)
			.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("contactPinyin", term))), 1.5f),
					Occur.SHOULD)
			.build();
	}

	/** The page's ids in the user's scope, latest change first, and the exact hit count; returns the count. */
	long search(Query term, List<Long> pageIds) throws IOException {
		Query query = new BooleanQuery.Builder().add(term, Occur.MUST).add(scope, Occur.FILTER).build();
		TopDocs top = searcher.search(query, new TopFieldCollectorManager(LATEST_CHANGE_FIRST, 20, null,
				Integer.MAX_VALUE));
		for (var hit : top.scoreDocs) {
			var leaf = reader.leaves().get(ReaderUtil.subIndex(hit.doc, reader.leaves()));
			SortedNumericDocValues ids = DocValues.getSortedNumeric(leaf.reader(), "accountId");
			if (ids.advanceExact(hit.doc - leaf.docBase)) {
				pageIds.add(ids.nextValue());
			}
		}
		return top.totalHits.value;
	}

	/**
	 * How many accounts in the user's scope have this status and province, counting no further than {@code limit}:
	 * the list's total, which the app counts in the index (AccountListing). Asked as a match-all clause with the
	 * filters; the app's query nests its filters in a clause of their own, which Lucene answers a little slower.
	 */
	long count(String status, String province, int limit) throws IOException {
		return count(limit, new TermQuery(new Term("status", status)), new TermQuery(new Term("province", province)));
	}

	/** How many accounts are in the user's scope, and pass these filters, counting no further than {@code limit}. */
	long count(int limit, Query... filters) throws IOException {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
			.add(scope, Occur.FILTER);
		for (Query filter : filters) {
			query.add(filter, Occur.FILTER);
		}
		return Math.min(limit, searcher.search(query.build(), new TopScoreDocCollectorManager(1, null, limit)).totalHits.value);
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}

	/** The app's query analyser: standard tokens, full-width folded, lower-cased, CJK character pairs. */
	private static final class Bigrams extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new CJKWidthFilter(source);
			stream = new LowerCaseFilter(stream);
			stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
					| CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, false);
			return new TokenStreamComponents(source, stream);
		}

	}

}
