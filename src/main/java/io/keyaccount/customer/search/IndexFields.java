package io.keyaccount.customer.search;

import java.time.Instant;

import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;

/** Field types shared by the account and contact documents. */
final class IndexFields {

	private final IndexSchemaElement schema;

	private final IndexFieldTypeFactory types;

	IndexFields(IndexSchemaElement schema, IndexFieldTypeFactory types) {
		this.schema = schema;
		this.types = types;
	}

	/** Chinese names: characters and pairs; one value or several (an account's contacts). */
	IndexFieldReference<String> name(String field, boolean multiValued) {
		var step = schema.field(field, types.asString().analyzer(ChineseAnalysis.NAME).searchAnalyzer(ChineseAnalysis.QUERY));
		return multiValued ? step.multiValued().toReference() : step.toReference();
	}

	/** Notes and follow-up text: character pairs. */
	IndexFieldReference<String> text(String field) {
		return schema
			.field(field, types.asString().analyzer(ChineseAnalysis.TEXT).searchAnalyzer(ChineseAnalysis.QUERY).norms(Norms.NO))
			.multiValued()
			.toReference();
	}

	/** Pinyin runs, found by any prefix ({@link ChineseAnalysis#PINYIN_PREFIXES}). */
	IndexFieldReference<String> pinyinPrefixes(String field) {
		return schema
			.field(field, types.asString()
				.analyzer(ChineseAnalysis.PINYIN_PREFIXES)
				.searchAnalyzer(ChineseAnalysis.EXACT)
				.norms(Norms.NO))
			.multiValued()
			.toReference();
	}

	/** Exact terms, many per document: number prefixes, tags. */
	IndexFieldReference<String> terms(String field) {
		return schema.field(field, types.asString().norms(Norms.NO)).multiValued().toReference();
	}

	IndexFieldReference<String> keyword(String field, boolean sortable) {
		return schema.field(field, types.asString().norms(Norms.NO).sortable(sortable ? Sortable.YES : Sortable.NO))
			.toReference();
	}

	IndexFieldReference<Long> id(String field, boolean sortable) {
		return schema.field(field, types.asLong().sortable(sortable ? Sortable.YES : Sortable.NO)).toReference();
	}

	IndexFieldReference<Long> ids(String field) {
		return schema.field(field, types.asLong()).multiValued().toReference();
	}

	IndexFieldReference<Boolean> flag(String field) {
		return schema.field(field, types.asBoolean()).toReference();
	}

	IndexFieldReference<Instant> instant(String field) {
		return schema.field(field, types.asInstant().sortable(Sortable.YES)).toReference();
	}

	IndexFieldReference<java.time.LocalDate> date(String field) {
		return schema.field(field, types.asLocalDate().sortable(Sortable.YES)).toReference();
	}

}
