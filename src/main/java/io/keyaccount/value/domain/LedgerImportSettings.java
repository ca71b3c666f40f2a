package io.keyaccount.value.domain;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ledger imports: where uploaded files and error reports are kept, and for how long. The size of a file and how
 * many imports may run are every import's limits ({@link io.keyaccount.platform.imports.ImportLimits}).
 */
@ConfigurationProperties("keyaccount.value.import")
public record LedgerImportSettings(Path workDir, Duration keepFor) {

	public LedgerImportSettings {
		workDir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "keyaccount-ledger-import");
		keepFor = keepFor != null ? keepFor : Duration.ofHours(24);
	}

}
