package io.keyaccount.customer.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Analysers for Chinese text in the customer indexes. Chinese is indexed as overlapping character pairs
 * (bigrams), so any run of two or more characters is found as a phrase of pairs, whatever a word segmenter
 * would have made of it; names also index single characters, so a one-character search finds a name.
 * Latin words are lower-cased words; full-width letters and digits become half-width.
 */
class ChineseAnalysis implements LuceneAnalysisConfigurer {

	/** Names: characters and character pairs. */
	static final String NAME = "cjk_name";

	/** Longer text (notes, follow-ups): character pairs only, to keep the index small. */
	static final String TEXT = "cjk_text";

	/** What a search term becomes: pairs, or a single character where it stands alone. */
	static final String QUERY = "cjk_query";

	/**
	 * Pinyin runs (hzmhkj…): every prefix of each from one letter up to {@link SearchTerms#INDEXED_PREFIX}, and the
	 * whole run, which a prefix query finds by longer input.
	 */
	static final String PINYIN_PREFIXES = "pinyin_prefixes";

	/** A term searched as typed: the search side of {@link #PINYIN_PREFIXES}. */
	static final String EXACT = "exact";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(NAME).instance(new Bigrams(true));
		context.analyzer(TEXT).instance(new Bigrams(false));
		context.analyzer(QUERY).instance(new Bigrams(false));
		context.analyzer(PINYIN_PREFIXES).instance(new Prefixes(true));
		context.analyzer(EXACT).instance(new Prefixes(false));
	}

	private static final class Prefixes extends Analyzer {

		private final boolean expand;

		Prefixes(boolean expand) {
			this.expand = expand;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new KeywordTokenizer();
			TokenStream stream = expand
					? new EdgeNGramTokenFilter(source, 1, SearchTerms.INDEXED_PREFIX, true)
					: source;
			return new TokenStreamComponents(source, stream);
		}

	}

	private static final class Bigrams extends Analyzer {

		private final boolean unigrams;

		Bigrams(boolean unigrams) {
			this.unigrams = unigrams;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new CJKWidthFilter(source);
			stream = new LowerCaseFilter(stream);
			stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
					| CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
			return new TokenStreamComponents(source, stream);
		}

		/** Values of a multi-valued field (several contacts' names) must not form a phrase together. */
		@Override
		public int getPositionIncrementGap(String fieldName) {
			return 100;
		}

	}

}
