package io.keyaccount.customer.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account imports: where uploads and error reports are kept and for how long, and how many rows go into one
 * transaction. The largest file and how many imports may run are every import's limits
 * ({@link io.keyaccount.platform.imports.ImportLimits}).
 */
@ConfigurationProperties("keyaccount.customer.import")
public record ImportSettings(Path workDir, Integer batchSize, Duration keepFor) {

	public ImportSettings {
		workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "keyaccount-import");
		batchSize = batchSize != null && batchSize > 0 ? batchSize : 500;
		keepFor = keepFor != null ? keepFor : Duration.ofHours(24);
	}

}
