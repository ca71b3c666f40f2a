package io.keyaccount.customer;

import java.util.Map;

/**
 * How to run an import. {@code mapping}: the file's column index to the column it holds (columns left out are
 * not imported; null means "match the headers automatically"). A dry run validates every row and writes nothing.
 * {@code duplicatesConfirmed}: rows that look like an existing account are imported anyway instead of being
 * reported as bad rows.
 */
public record ImportOptions(Map<Integer, ImportColumn> mapping, ImportMode mode, boolean dryRun,
		boolean duplicatesConfirmed) {

	public ImportOptions {
		mapping = mapping == null ? null : Map.copyOf(mapping);
		mode = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
	}

	public ImportOptions asRealImport() {
		return new ImportOptions(mapping, mode, false, duplicatesConfirmed);
	}

}
