package io.keyaccount.value.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.value.domain.ChangeKind;
import io.keyaccount.value.domain.SegmentDimension;
import io.keyaccount.value.domain.ValueReports;
import io.keyaccount.value.domain.ValueReports.ChangeRow;
import io.keyaccount.value.domain.ValueReports.Changes;

/** 客户变化 and 目标客户: how accounts moved between two dates, and the classes inside each segment. */
@Controller
@PreAuthorize("hasAuthority('value.view')")
class ValueChangesController {

	private final ValueReports reports;

	private final ValueOptions options;

	private final MessageSource messages;

	ValueChangesController(ValueReports reports, ValueOptions options, MessageSource messages) {
		this.reports = reports;
		this.options = options;
		this.messages = messages;
	}

	@GetMapping("/value/changes")
	String changes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) ChangeKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		ChangePeriod period = ChangePeriod.of(from, to, LocalDate.now());
		LocalDate start = period.from();
		LocalDate end = period.to();
		Changes changes = reports.changes(start, end, kind);
		var pageable = PageLinks.screen(page, size, null, null, java.util.Set.of(), org.springframework.data.domain.Sort.unsorted());
		List<ChangeRow> rows = changes.rows();
		int first = (int) Math.min(rows.size(), pageable.getOffset());
		int last = Math.min(rows.size(), first + pageable.getPageSize());
		model.addAttribute("changes", changes);
		model.addAttribute("rows", new PageImpl<>(rows.subList(first, last), pageable, rows.size()));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("kind", kind);
		model.addAttribute("notices", period.notices());
		model.addAttribute("today", LocalDate.now());
		options.addTo(model);
		return "value/changes";
	}

	@GetMapping("/value/changes/export")
	void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) ChangeKind kind, Locale locale, HttpServletResponse response)
			throws IOException {
		ChangePeriod period = ChangePeriod.of(from, to, LocalDate.now());
		Changes changes = reports.changes(period.from(), period.to(), kind);
		List<String> headers = List.of("value.account", "value.change", "value.classBefore", "value.classAfter",
				"value.tierBefore", "value.tierAfter", "value.currentBefore", "value.currentAfter", "value.valueMoved")
			.stream()
			.map(key -> text(key, locale))
			.toList();
		List<List<Object>> data = new ArrayList<>();
		for (ChangeRow r : changes.rows().subList(0, Math.min(changes.rows().size(), ExcelExport.MAX_ROWS))) {
			data.add(new ArrayList<>(Arrays.asList(r.name(), text(r.kind().messageKey(), locale),
					r.before() == null ? "" : text(r.before().resourceClass().messageKey(), locale),
					text(r.after().resourceClass().messageKey(), locale),
					r.before() == null ? "" : text(r.before().tier().messageKey(), locale),
					text(r.after().tier().messageKey(), locale), ExcelExport.money(r.valueBefore()),
					ExcelExport.money(r.valueAfter()), ExcelExport.money(r.valueMoved()))));
		}
		ExcelExport.write(response, text("nav.value.changes", locale), headers, data);
	}

	@GetMapping("/value/classes")
	String classes(@RequestParam(required = false) SegmentDimension dimension, Model model) {
		SegmentDimension by = dimension == null ? SegmentDimension.INDUSTRY : dimension;
		model.addAttribute("dimension", by);
		model.addAttribute("matrix", reports.classes(by, io.keyaccount.value.domain.ScoreQuery.all()));
		model.addAttribute("run", reports.currentRun().orElse(null));
		options.addTo(model);
		return "value/classes";
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
