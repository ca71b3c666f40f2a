package io.keyaccount.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.keyaccount.platform.web.SearchProvider.SearchHit;

/** Global search from the top bar: every module's results for the query, grouped. */
@Controller
class SearchController {

	private final List<SearchProvider> providers;

	SearchController(List<SearchProvider> providers) {
		this.providers = providers;
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String q, Model model) {
		Map<String, List<SearchHit>> results = new LinkedHashMap<>();
		if (StringUtils.hasText(q)) {
			for (SearchProvider provider : providers) {
				List<SearchHit> hits = provider.search(q.trim(), 20);
				if (!hits.isEmpty()) {
					results.put(provider.groupKey(), hits);
				}
			}
		}
		model.addAttribute("q", q);
		model.addAttribute("results", results);
		return "platform/search";
	}

}
