package io.keyaccount.customer.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.keyaccount.customer.CustomerImports;
import io.keyaccount.customer.ImportMode;
import io.keyaccount.customer.ImportOptions;
import io.keyaccount.customer.ImportProgress;
import io.keyaccount.customer.ImportProgress.ImportState;
import io.keyaccount.customer.ImportProgress.RowProblem;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Account import over the API: a multipart .xlsx or .csv, headers matched automatically, answered with the
 * report once every row is checked (and, unless a dry run, written). Data scope and permissions apply as on the
 * page: rows naming an owner outside the caller's scope are bad rows.
 */
@RestController
@RequestMapping("/api/v1/accounts/import")
@PreAuthorize("hasAuthority('customer.import')")
class ImportApi {

	private final CustomerImports imports;

	private final Downloads downloads;

	ImportApi(CustomerImports imports, Downloads downloads) {
		this.imports = imports;
		this.downloads = downloads;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importAccounts(@RequestParam MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean keepGoodRows,
			@RequestParam(defaultValue = "false") boolean duplicatesConfirmed) throws IOException {
		if (file.isEmpty()) {
			throw new BusinessRuleException("file", "import.noFile");
		}
		ImportOptions options = new ImportOptions(null,
				keepGoodRows ? ImportMode.KEEP_GOOD_ROWS : ImportMode.ALL_OR_NOTHING, dryRun, duplicatesConfirmed);
		try (InputStream content = file.getInputStream()) {
			return ImportReport.of(imports.importNow(file.getOriginalFilename(), content, options));
		}
	}

	@GetMapping("/{jobId}")
	ImportReport report(@PathVariable String jobId) {
		return ImportReport.of(imports.progress(jobId));
	}

	@GetMapping("/{jobId}/errors")
	void errors(@PathVariable String jobId, Locale locale, HttpServletResponse response) throws IOException {
		Path report = imports.errorReport(jobId).orElseThrow(() -> new NotFoundException("ImportErrorReport", jobId));
		downloads.xlsx(response, locale, "import.report.fileName");
		Files.copy(report, response.getOutputStream());
	}

	/** The JSON report: counts, the first bad rows with their reasons, and where to fetch the full error report. */
	record ImportReport(String jobId, String fileName, boolean dryRun, ImportMode mode, ImportState state,
			long totalRows, long goodRows, long badRows, long duplicateRows, long importedAccounts,
			long importedContacts, List<RowProblem> errors, String errorReportUrl, String failureMessage,
			Instant startedAt, Instant finishedAt) {

		static ImportReport of(ImportProgress p) {
			return new ImportReport(p.jobId(), p.fileName(), p.dryRun(), p.mode(), p.state(), p.totalRows(),
					p.goodRows(), p.badRows(), p.duplicateRows(), p.importedAccounts(), p.importedContacts(),
					p.problems(), p.errorReportAvailable() ? "/api/v1/accounts/import/" + p.jobId() + "/errors" : null,
					p.failureMessage(), p.startedAt(), p.finishedAt());
		}

	}

}
