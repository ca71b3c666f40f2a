package io.keyaccount.platform.audit;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a module tells the audit log about the records it audits, so the log reads in words: a label for each
 * field, the fields that are internal or derived (never shown), the fields that hold a reference (an id or a code
 * shown by its name), and the names of its records and codes. Each module declares a bean.
 */
public interface AuditVocabulary {

	List<AuditedType> types();

	/**
	 * Names of the given keys of one kind of reference (a record's id, or a code such as a region's), in the
	 * reader's language; keys this module does not know are left out, as are kinds it does not name.
	 */
	Map<String, String> names(String kind, Collection<String> keys, Locale locale);

	/**
	 * One audited entity type.
	 *
	 * @param entityType the entity's simple class name, as {@code audit_event.entity_type} holds it
	 * @param labels the message key of each shown field's label
	 * @param hidden fields never shown: internal (a password hash, a lock counter) or derived from shown ones (pinyin)
	 * @param references for fields holding a reference, the kind of name it refers to ({@code "User"},
	 * {@code "Region"}); comma-separated ids are several references
	 */
	record AuditedType(String entityType, Map<String, String> labels, Set<String> hidden,
			Map<String, String> references) {
	}

}
