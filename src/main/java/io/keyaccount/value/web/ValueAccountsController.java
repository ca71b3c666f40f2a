package io.keyaccount.value.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;
import io.keyaccount.value.domain.AccountProfiles;
import io.keyaccount.value.domain.AccountProfiles.Profile;
import io.keyaccount.value.domain.CompanySize;
import io.keyaccount.value.domain.Playbooks;
import io.keyaccount.value.domain.Run;
import io.keyaccount.value.domain.ScoreRow;
import io.keyaccount.value.domain.ValueReports;
import io.keyaccount.value.domain.ValueReports.TrendPoint;

/** Scored accounts: the filterable, exportable list, and the value tab of the account page. */
@Controller
@PreAuthorize("hasAuthority('value.view')")
class ValueAccountsController {

	private final ValueReports reports;

	private final CustomerManagement customers;

	private final AccountProfiles profiles;

	private final Playbooks playbooks;

	private final ValueOptions options;

	private final MessageSource messages;

	ValueAccountsController(ValueReports reports, CustomerManagement customers, AccountProfiles profiles,
			Playbooks playbooks, ValueOptions options, MessageSource messages) {
		this.reports = reports;
		this.customers = customers;
		this.profiles = profiles;
		this.playbooks = playbooks;
		this.options = options;
		this.messages = messages;
	}

	@GetMapping("/value/accounts")
	String list(@ModelAttribute("query") ScoreFilters filters, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HtmxRequest htmx, Model model) {
		CompanySize legacy = ScoreFilters.legacySize(size);
		if (legacy != null) {
			return "redirect:" + ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("size")
				.replaceQueryParam("companySize", legacy.name())
				.build()
				.toUriString();
		}
		model.addAttribute("rows", reports.accounts(filters.toQuery(), PageLinks.screen(page, pageSize(size), sort,
				dir, ValueReports.SORTABLE, Sort.by(Sort.Direction.DESC, "score"))));
		model.addAttribute("run", reports.runOf(filters.toQuery()).orElse(null));
		model.addAttribute("withoutDrillDown", ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("topShare")
			.replaceQueryParam("asOf")
			.replaceQueryParam("page")
			.build()
			.toUriString());
		options.addTo(model);
		return htmx.isHtmxRequest() ? "value/accounts :: results" : "value/accounts";
	}

	@GetMapping("/value/accounts/export")
	void export(@ModelAttribute ScoreFilters filters, Locale locale, HttpServletResponse response) throws IOException {
		List<ScoreRow> rows = reports.accounts(filters.toQuery(), PageRequest.of(0, ExcelExport.MAX_ROWS,
				Sort.by(Sort.Direction.DESC, "score"))).getContent();
		List<String> headers = List.of("value.account", "value.owner", "value.score", "value.tier", "value.class",
				"value.historical", "value.current", "value.future", "value.potential", "value.export.pAlivePercent",
				"value.expectedPurchases", "value.purchases", "value.lastPurchase", "value.industry", "value.region",
				"value.size")
			.stream()
			.map(key -> text(key, locale))
			.toList();
		Map<Long, String> owners = options.userNames(rows.stream().map(ScoreRow::ownerUserId).toList());
		List<List<Object>> data = new ArrayList<>();
		for (ScoreRow r : rows) {
			data.add(new ArrayList<>(java.util.Arrays.asList(r.name(), owners.getOrDefault(r.ownerUserId(), ""),
					ExcelExport.oneDecimal(r.score()), text(r.tier().messageKey(), locale),
					text(r.resourceClass().messageKey(), locale), ExcelExport.money(r.historical()),
					ExcelExport.money(r.current()), ExcelExport.money(r.future()), ExcelExport.money(r.potential()),
					r.probabilityAlive() == null ? null : ExcelExport.oneDecimal(r.probabilityAlive() * 100),
					r.expectedPurchases() == null ? null : ExcelExport.oneDecimal(r.expectedPurchases()), r.purchases(),
					r.lastPurchase() == null ? "" : r.lastPurchase().toString(),
					r.industry() == null ? "" : text("Industry." + r.industry(), locale), options.region(r.provinceCode()),
					text(r.size().messageKey(), locale))));
		}
		ExcelExport.write(response, text("nav.value.accounts", locale), headers, data);
	}

	/** The value tab of the account 360° page, loaded by htmx. */
	@GetMapping("/value/accounts/{id}/tab")
	String tab(@PathVariable long id, Model model) {
		if (!customers.canSee(id)) {
			throw new NotFoundException("Account", id);
		}
		Run run = reports.currentRun().orElse(null);
		ScoreRow row = reports.account(id).orElse(null);
		List<TrendPoint> trend = reports.trend(id);
		model.addAttribute("accountId", id);
		model.addAttribute("run", run);
		model.addAttribute("row", row);
		model.addAttribute("parts", row == null || run == null ? List.of() : ScorePart.of(row, run));
		model.addAttribute("playbook", row == null ? null : playbooks.of(row.tier()));
		model.addAttribute("trendDates", trend.stream().map(t -> t.asOf().toString()).toList());
		model.addAttribute("trendScores", trend.stream().map(TrendPoint::score).toList());
		model.addAttribute("profile", profiles.of(id));
		return "value/account-tab :: tab";
	}

	@PostMapping("/value/accounts/{id}/profile")
	@PreAuthorize("hasAuthority('value.settings')")
	String saveProfile(@PathVariable long id, @RequestParam(required = false) BigDecimal categorySpend,
			@RequestParam(defaultValue = "0") int referenceValue, @RequestParam(defaultValue = "0") int coDevelopment,
			@RequestParam(defaultValue = "0") int industryInfluence, RedirectAttributes redirect) {
		// hidden: not found; seen but not the user's to change (a pool account): forbidden
		if (!customers.canChange(id)) {
			throw new AccessDeniedException("account " + id + " is not the current user's to change");
		}
		try {
			profiles.save(id, new Profile(categorySpend, referenceValue, coDevelopment, industryInfluence));
			Toasts.success(redirect, "value.profile.saved");
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/customers/accounts/" + id + "?tab=value";
	}

	private static Integer pageSize(String size) {
		try {
			return size == null ? null : Integer.valueOf(size.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
