package io.keyaccount.value.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.keyaccount.value.domain.Quadrant;
import io.keyaccount.value.domain.ResourceClass;
import io.keyaccount.value.domain.Runs;
import io.keyaccount.value.domain.Tier;
import io.keyaccount.value.domain.ValueReports;
import io.keyaccount.value.domain.ValueReports.ClassCount;
import io.keyaccount.value.domain.ValueReports.Matrix;
import io.keyaccount.value.domain.ValueReports.Overview;

/** The value dashboard: 80/20 curve, tiers, the value–potential matrix and class movements over time. */
@Controller
@PreAuthorize("hasAuthority('value.view')")
class ValueDashboardController {

	static final int MATRIX_POINTS = 1500;

	private final ValueReports reports;

	private final Runs runs;

	private final ValueOptions options;

	private final MessageSource messages;

	ValueDashboardController(ValueReports reports, Runs runs, ValueOptions options, MessageSource messages) {
		this.reports = reports;
		this.runs = runs;
		this.options = options;
		this.messages = messages;
	}

	@GetMapping("/value")
	String root() {
		return "redirect:/value/dashboard";
	}

	@GetMapping("/value/dashboard")
	String dashboard(@ModelAttribute("query") ScoreFilters filters, Locale locale, Model model) {
		Overview overview = reports.overview(filters.toQuery());
		Matrix matrix = reports.matrix(filters.toQuery(), MATRIX_POINTS);
		List<ClassCount> trend = reports.classTrend(12);
		model.addAttribute("overview", overview);
		model.addAttribute("matrix", matrix);
		model.addAttribute("run", runs.running().orElse(null));
		model.addAttribute("charts", charts(overview, matrix, trend, locale));
		model.addAttribute("drillDown", drillDown(overview, trend));
		options.addTo(model);
		return "value/dashboard";
	}

	/** Chart data as plain lists and maps, ready for the page's script. */
	private Map<String, Object> charts(Overview overview, Matrix matrix, List<ClassCount> trend, Locale locale) {
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("pareto", overview.pareto().points().stream().map(p -> List.of(p[0], p[1])).toList());
		List<String> tierNames = new ArrayList<>();
		List<Long> tierCounts = new ArrayList<>();
		List<Double> tierMargins = new ArrayList<>();
		overview.tiers().forEach(t -> {
			tierNames.add(label(t.tier().messageKey(), locale));
			tierCounts.add(t.accounts());
			tierMargins.add(t.current() == null ? 0 : Math.round(t.current().doubleValue() / 100) / 100.0);
		});
		charts.put("tierNames", tierNames);
		charts.put("tierCounts", tierCounts);
		charts.put("tierMargins", tierMargins);
		Map<String, List<List<Object>>> points = new LinkedHashMap<>();
		for (Tier tier : Tier.values()) {
			points.put(tier.name(), new ArrayList<>());
		}
		matrix.points()
			.forEach(p -> points.get(p.tier().name()).add(List.of(p.value(), p.potential(), p.name(), p.accountId())));
		charts.put("matrix", points);
		Map<String, String> quadrants = new LinkedHashMap<>();
		for (Quadrant q : Quadrant.values()) {
			quadrants.put(q.name(), label(q.messageKey(), locale));
		}
		charts.put("quadrants", quadrants);
		charts.put("trendDates", trend.stream().map(c -> c.asOf().toString().substring(0, 7)).toList());
		Map<String, List<Long>> series = new LinkedHashMap<>();
		for (ResourceClass c : ResourceClass.values()) {
			series.put(label(c.messageKey(), locale),
					trend.stream().map(point -> point.counts().getOrDefault(c, 0L)).toList());
		}
		charts.put("trendSeries", series);
		return charts;
	}

	/**
	 * What a click on a bar or a point of the charts filters the account list by, as {@code data-*} attributes in
	 * the order the charts draw them (the page's script holds no URLs of its own).
	 */
	private static Map<String, String> drillDown(Overview overview, List<ClassCount> trend) {
		Map<String, String> drillDown = new LinkedHashMap<>();
		String filters = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.getQuery();
		drillDown.put("filters", filters == null ? "" : filters);
		drillDown.put("tiers", String.join(",", overview.tiers().stream().map(t -> t.tier().name()).toList()));
		drillDown.put("classes",
				String.join(",", java.util.Arrays.stream(ResourceClass.values()).map(Enum::name).toList()));
		drillDown.put("asOf", String.join(",", trend.stream().map(c -> c.asOf().toString()).toList()));
		return drillDown;
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
