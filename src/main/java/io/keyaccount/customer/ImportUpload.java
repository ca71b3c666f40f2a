package io.keyaccount.customer;

import java.util.List;
import java.util.Map;

/**
 * An uploaded import file waiting for its column mapping: the headers found, the first rows for the preview,
 * and the mapping suggested by matching the headers.
 */
public record ImportUpload(String id, String fileName, List<String> headers, List<List<String>> sampleRows,
		Map<Integer, ImportColumn> suggestedMapping) {

	public ImportColumn suggested(int column) {
		return suggestedMapping.get(column);
	}

	/** Sample cell, blank when the row is shorter than the header. */
	public String cell(List<String> row, int column) {
		return column < row.size() && row.get(column) != null ? row.get(column) : "";
	}

}
