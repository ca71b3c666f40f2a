package io.keyaccount.value.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.value.domain.Ledger;
import io.keyaccount.value.domain.Ledger.LedgerQuery;
import io.keyaccount.value.domain.LedgerImport;
import io.keyaccount.value.domain.LedgerRow;
import io.keyaccount.value.domain.TransactionSource;

/** The transaction ledger: list, export and import of purchase history. */
@Controller
@PreAuthorize("hasAuthority('value.view')")
class LedgerController {

	private final Ledger ledger;

	private final LedgerImport importer;

	private final MessageSource messages;

	LedgerController(Ledger ledger, LedgerImport importer, MessageSource messages) {
		this.ledger = ledger;
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping("/value/ledger")
	String list(@ModelAttribute("query") LedgerFilters filters, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, HtmxRequest htmx, Model model) {
		model.addAttribute("rows", ledger.rows(filters.toQuery(),
				PageLinks.screen(page, size, null, null, java.util.Set.of(), Sort.unsorted())));
		model.addAttribute("sources", TransactionSource.values());
		return htmx.isHtmxRequest() ? "value/ledger :: results" : "value/ledger";
	}

	@GetMapping("/value/ledger/export")
	void export(@ModelAttribute LedgerFilters filters, Locale locale, HttpServletResponse response) throws IOException {
		List<LedgerRow> rows = ledger.rows(filters.toQuery(), PageRequest.of(0, ExcelExport.MAX_ROWS)).getContent();
		List<String> headers = List.of("value.account", "value.ledger.date", "value.ledger.amount", "value.ledger.margin",
				"value.ledger.source", "value.ledger.reference").stream().map(key -> text(key, locale)).toList();
		List<List<Object>> data = new ArrayList<>();
		for (LedgerRow r : rows) {
			data.add(new ArrayList<>(Arrays.asList(r.accountName(), r.occurredOn().toString(), r.amount(), r.margin(),
					text(r.source().messageKey(), locale), r.reference())));
		}
		ExcelExport.write(response, text("nav.value.ledger", locale), headers, data);
	}

	@GetMapping("/value/ledger/import")
	@PreAuthorize("hasAuthority('value.import')")
	String importForm() {
		return "value/import";
	}

	@GetMapping("/value/ledger/import/template")
	@PreAuthorize("hasAuthority('value.import')")
	void template(Locale locale, HttpServletResponse response) throws IOException {
		download(response, text("value.import.template.fileName", locale));
		importer.writeTemplate(response.getOutputStream(), locale);
	}

	/** Starts a dry run (the form's default) or an import of the uploaded file and shows its progress. */
	@PostMapping("/value/ledger/import")
	@PreAuthorize("hasAuthority('value.import')")
	String importFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("importError", BusinessRuleException.general("value.import.noFile"));
			return "value/import";
		}
		try (InputStream content = file.getInputStream()) {
			return "redirect:/value/ledger/import/jobs/" + importer.start(file.getOriginalFilename(), content, dryRun);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("importError", ex);
			return "value/import";
		}
	}

	/** The progress page; polled by htmx every second until the job is finished, then its report. */
	@GetMapping("/value/ledger/import/jobs/{jobId}")
	@PreAuthorize("hasAuthority('value.import')")
	String importJob(@PathVariable String jobId, HtmxRequest htmx, Model model) {
		model.addAttribute("job", importer.progress(jobId));
		return htmx.isHtmxRequest() ? "value/import-job :: status" : "value/import-job";
	}

	/** Imports the good rows of a dry run. */
	@PostMapping("/value/ledger/import/jobs/{jobId}")
	@PreAuthorize("hasAuthority('value.import')")
	String importChecked(@PathVariable String jobId, Model model) {
		try {
			return "redirect:/value/ledger/import/jobs/" + importer.importChecked(jobId);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("job", importer.progress(jobId));
			model.addAttribute("importError", ex);
			return "value/import-job";
		}
	}

	@GetMapping("/value/ledger/import/jobs/{jobId}/errors")
	@PreAuthorize("hasAuthority('value.import')")
	void importErrors(@PathVariable String jobId, Locale locale, HttpServletResponse response) throws IOException {
		Path report = importer.errorReport(jobId).orElseThrow(() -> new NotFoundException("LedgerImportErrors", jobId));
		download(response, text("value.import.report.fileName", locale));
		Files.copy(report, response.getOutputStream());
	}

	private static void download(HttpServletResponse response, String name) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(name + "_" + LocalDate.now() + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** Query-string form of the ledger filters. */
	record LedgerFilters(Long accountId, String keyword,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, TransactionSource source) {

		LedgerQuery toQuery() {
			return new LedgerQuery(accountId, keyword, from, to, source);
		}

	}

}
