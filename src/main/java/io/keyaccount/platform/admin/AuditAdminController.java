package io.keyaccount.platform.admin;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.keyaccount.platform.audit.AuditLines;
import io.keyaccount.platform.audit.AuditLog;
import io.keyaccount.platform.audit.AuditLog.AuditQuery;
import io.keyaccount.platform.web.PageLinks;

/** The audit trail: who changed what, when, from which value to which. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasAuthority('admin.audit')")
class AuditAdminController {

	private final AuditLog audit;

	private final AuditLines lines;

	AuditAdminController(AuditLog audit, AuditLines lines) {
		this.audit = audit;
		this.lines = lines;
	}

	@GetMapping
	String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) Long entityId,
			@RequestParam(required = false) String user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			HtmxRequest htmx, Locale locale, Model model) {
		int safeSize = PageLinks.SIZES.contains(size) ? size : 20;
		model.addAttribute("entries", lines.of(audit.search(new AuditQuery(entityType, entityId, user, from, to),
				PageRequest.of(Math.max(page - 1, 0), safeSize)), locale));
		model.addAttribute("entityTypes", audit.entityTypes());
		model.addAttribute("query", new AuditQuery(entityType, entityId, user, from, to));
		return htmx.isHtmxRequest() ? "platform/admin/audit :: results" : "platform/admin/audit";
	}

}
