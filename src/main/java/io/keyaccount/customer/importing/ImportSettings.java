package io.keyaccount.customer.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account imports: where uploads and error reports are kept and for how long, how many rows go into one
 * transaction, the largest file accepted, and how many imports may run at once.
 */
@ConfigurationProperties("keyaccount.customer.import")
public record ImportSettings(Path workDir, Integer batchSize, Integer maxRows, Duration keepFor, Integer threads) {

	public ImportSettings {
		workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "keyaccount-import");
		batchSize = batchSize != null && batchSize > 0 ? batchSize : 500;
		maxRows = maxRows != null && maxRows > 0 ? maxRows : 200_000;
		keepFor = keepFor != null ? keepFor : Duration.ofHours(24);
		threads = threads != null && threads > 0 ? threads : 2;
	}

}
