package io.keyaccount.customer.importing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.ImportUpload;
import io.keyaccount.platform.files.SheetReader;

/**
 * An uploaded file kept on disk until it is imported or expires, with who uploaded it and the limits it is read
 * within.
 */
public record StoredUpload(String id, long tenantId, long userId, String fileName, SheetReader.Format format,
		Path file, SheetReader.Limits limits, List<String> headers, List<List<String>> sampleRows, Map<Integer, ImportColumn> suggestedMapping,
		long estimatedRows, Instant uploadedAt) {

	public ImportUpload view() {
		return new ImportUpload(id, fileName, headers, sampleRows, suggestedMapping);
	}

	boolean ownedBy(long tenant, long user) {
		return tenantId == tenant && userId == user;
	}

}
