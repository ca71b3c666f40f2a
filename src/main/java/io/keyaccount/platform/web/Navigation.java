package io.keyaccount.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.keyaccount.platform.security.KeyaccountUser;

/** The sidebar: every module's links, grouped by section, filtered by the user's permissions. */
@Component
public class Navigation {

	private static final List<String> SECTIONS = List.of("customer", "keyaccount", "value", "sales", "activity",
			"resource", "portal", "service", "admin");

	private final List<NavigationItem> items;

	Navigation(List<NavigationItem> items) {
		this.items = items.stream()
			.sorted(Comparator.comparingInt((NavigationItem i) -> SECTIONS.indexOf(i.section()))
				.thenComparingInt(NavigationItem::order))
			.toList();
	}

	public Map<String, List<NavigationItem>> visibleTo(KeyaccountUser user) {
		Map<String, List<NavigationItem>> sections = new LinkedHashMap<>();
		for (NavigationItem item : items) {
			if (item.permission() == null || user.can(item.permission())) {
				sections.computeIfAbsent(item.section(), s -> new java.util.ArrayList<>()).add(item);
			}
		}
		return sections;
	}

}
