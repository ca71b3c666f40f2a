package io.keyaccount.customer.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.keyaccount.customer.CustomerImports;
import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.ImportMode;
import io.keyaccount.customer.ImportOptions;
import io.keyaccount.customer.ImportProgress;
import io.keyaccount.customer.ImportUpload;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Importing accounts from a file: upload (with the template to start from), check the column mapping on a
 * preview, run a dry run, confirm, and follow the import's progress to its summary and error report.
 */
@Controller
@RequestMapping("/customers/import")
@PreAuthorize("hasAuthority('customer.import')")
class ImportController {

	private final CustomerImports imports;

	private final Downloads downloads;

	ImportController(CustomerImports imports, Downloads downloads) {
		this.imports = imports;
		this.downloads = downloads;
	}

	@GetMapping
	String uploadPage(Model model) {
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("mode", ImportMode.ALL_OR_NOTHING);
		return "customer/import-upload";
	}

	@GetMapping("/template")
	void template(Locale locale, HttpServletResponse response) throws IOException {
		downloads.xlsx(response, locale, "import.template.fileName");
		imports.writeTemplate(response.getOutputStream(), locale);
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			return uploadFailed(model, mode, new BusinessRuleException("file", "import.noFile"));
		}
		try (InputStream content = file.getInputStream()) {
			ImportUpload upload = imports.upload(file.getOriginalFilename(), content);
			return "redirect:/customers/import/" + upload.id() + "?mode=" + mode;
		}
		catch (BusinessRuleException ex) {
			return uploadFailed(model, mode, ex);
		}
	}

	@GetMapping("/{uploadId}")
	String mappingPage(@PathVariable String uploadId, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
			Model model) {
		ImportUpload upload = imports.upload(uploadId);
		return mapping(model, upload, upload.suggestedMapping(), mode, false, null);
	}

	@PostMapping("/{uploadId}/jobs")
	String start(@PathVariable String uploadId, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
			@RequestParam(defaultValue = "true") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean duplicatesConfirmed, Model model) {
		ImportUpload upload = imports.upload(uploadId);
		Map<Integer, ImportColumn> mapping = mapping(params.getOrDefault("columns", List.of()));
		try {
			String jobId = imports.start(uploadId, new ImportOptions(mapping, mode, dryRun, duplicatesConfirmed));
			return "redirect:/customers/import/jobs/" + jobId;
		}
		catch (BusinessRuleException ex) {
			return mapping(model, upload, mapping, mode, duplicatesConfirmed, ex);
		}
	}

	/** The progress page; polled by htmx every second until the job is finished, then its summary. */
	@GetMapping("/jobs/{jobId}")
	String job(@PathVariable String jobId, HtmxRequest htmx, Model model) {
		ImportProgress job = imports.progress(jobId);
		model.addAttribute("job", job);
		model.addAttribute("modes", ImportMode.values());
		Optional<ImportUpload> upload = upload(job.uploadId());
		model.addAttribute("uploadAvailable", upload.isPresent());
		model.addAttribute("columnChoices", upload.map(u -> choices(job.mapping(), u.headers().size())).orElse(List.of()));
		return htmx.isHtmxRequest() ? "customer/import-job :: status" : "customer/import-job";
	}

	@GetMapping("/jobs/{jobId}/errors")
	void errors(@PathVariable String jobId, Locale locale, HttpServletResponse response) throws IOException {
		Path report = imports.errorReport(jobId).orElseThrow(() -> new NotFoundException("ImportErrorReport", jobId));
		downloads.xlsx(response, locale, "import.report.fileName");
		Files.copy(report, response.getOutputStream());
	}

	private Optional<ImportUpload> upload(String uploadId) {
		try {
			return Optional.of(imports.upload(uploadId));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The mapping as the hidden inputs of the import form carry it: one choice per file column. */
	private static List<String> choices(Map<Integer, ImportColumn> mapping, int columns) {
		List<String> choices = new ArrayList<>(columns);
		for (int i = 0; i < columns; i++) {
			ImportColumn column = mapping.get(i);
			choices.add(column == null ? "" : column.name());
		}
		return choices;
	}

	private String uploadFailed(Model model, ImportMode mode, BusinessRuleException error) {
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("mode", mode);
		model.addAttribute("uploadError", error.messageKey());
		model.addAttribute("uploadErrorArgs", error.arguments());
		return "customer/import-upload";
	}

	private String mapping(Model model, ImportUpload upload, Map<Integer, ImportColumn> mapping, ImportMode mode,
			boolean duplicatesConfirmed, BusinessRuleException error) {
		model.addAttribute("upload", upload);
		model.addAttribute("mapping", mapping);
		model.addAttribute("columns", ImportColumn.values());
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("mode", mode);
		model.addAttribute("duplicatesConfirmed", duplicatesConfirmed);
		model.addAttribute("nameMapped", mapping.containsValue(ImportColumn.NAME));
		model.addAttribute("mappingError", error == null ? null : error.messageKey());
		model.addAttribute("mappingErrorArgs", error == null ? null : error.arguments());
		return "customer/import-mapping";
	}

	/** One select per file column, in the file's order; a blank choice leaves the column out. */
	private static Map<Integer, ImportColumn> mapping(List<String> choices) {
		Map<Integer, ImportColumn> mapping = new LinkedHashMap<>();
		for (int i = 0; i < choices.size(); i++) {
			String choice = choices.get(i);
			if (choice != null && !choice.isBlank()) {
				try {
					mapping.put(i, ImportColumn.valueOf(choice));
				}
				catch (IllegalArgumentException ex) {
					// An unknown choice is left out, like a blank one.
				}
			}
		}
		return mapping;
	}

}
