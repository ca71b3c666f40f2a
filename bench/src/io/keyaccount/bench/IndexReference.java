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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The bare index query behind a keyword search: the app's Lucene index of accounts opened read-only, the term
 * analysed as the app analyses it (CJK character pairs; pinyin as a keyword), the best 20 by relevance and the
 * exact number of hits. Without the app's data-scope filter, which only narrows what it matches.
 */
final class IndexReference implements AutoCloseable {

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final QueryBuilder bigrams = new QueryBuilder(new Bigrams());

	IndexReference(Path indexRoot) throws IOException {
		this.reader = DirectoryReader.open(FSDirectory.open(indexRoot.resolve("account-v2")));
		this.searcher = new IndexSearcher(reader);
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

	/** The best 20 and the exact hit count; returns the count. */
	long search(Query query) throws IOException {
		TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(20, Integer.MAX_VALUE));
		for (var hit : top.scoreDocs) {
			searcher.storedFields().document(hit.doc);
		}
		return top.totalHits.value;
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
