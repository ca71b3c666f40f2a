package io.keyaccount.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that keep the current list's filters: {@code ${@urls.page(2, 20)}} for paging (pages count from 1, as the
 * pager shows them) and {@code ${@urls.sort('name')}} for a sortable header (a second click reverses the order).
 */
@Component("urls")
public class Urls {

	/** False when a list shows "more than" its total ({@link io.keyaccount.platform.persistence.BoundedPage}). */
	public boolean totalExact(org.springframework.data.domain.Page<?> page) {
		return !(page instanceof io.keyaccount.platform.persistence.BoundedPage<?> bounded) || bounded.isTotalExact();
	}

	public java.util.List<Integer> pageSizes() {
		return PageLinks.SIZES;
	}

	/** Another path with the current query string: an export of exactly the filtered list. */
	public String path(String path) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replacePath(path)
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	/** The current path and query without the language: where an action on a filtered list brings the user back. */
	public String current() {
		var current = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang").build();
		return current.getPath() + (current.getQuery() == null ? "" : "?" + current.getQuery());
	}

	/** The current query string without paging and language, for saving a list view. */
	public String query() {
		String query = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.getQuery();
		return query == null ? "" : query;
	}

	/**
	 * The page numbers the pager links to, counting from 1: the first and last, and two either side of the current
	 * one; 0 stands for a gap (…).
	 */
	public java.util.List<Integer> pageNumbers(org.springframework.data.domain.Page<?> page) {
		int current = page.getNumber() + 1;
		int last = Math.max(1, page.getTotalPages());
		java.util.SortedSet<Integer> shown = new java.util.TreeSet<>(java.util.List.of(1, last));
		for (int n = Math.max(1, current - 2); n <= Math.min(last, current + 2); n++) {
			shown.add(n);
		}
		java.util.List<Integer> numbers = new java.util.ArrayList<>();
		int previous = 0;
		for (int n : shown) {
			if (n > previous + 1) {
				numbers.add(0);
			}
			numbers.add(n);
			previous = n;
		}
		return numbers;
	}

	/** The current query's parameters but {@code page} and {@code lang}: hidden fields of the pager's "go to page". */
	public java.util.List<java.util.Map.Entry<String, String>> otherParameters() {
		var params = ServletUriComponentsBuilder.fromCurrentRequest().build().getQueryParams();
		java.util.List<java.util.Map.Entry<String, String>> others = new java.util.ArrayList<>();
		params.forEach((name, values) -> {
			if (!"page".equals(name) && !"lang".equals(name)) {
				values.forEach(value -> others.add(java.util.Map.entry(decode(name), decode(value == null ? "" : value))));
			}
		});
		return others;
	}

	/** The current path, without its query. */
	public String currentPath() {
		return ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
	}

	private static String decode(String value) {
		return org.springframework.web.util.UriUtils.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	public String page(int page, int size) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.replaceQueryParam("size", size)
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	public String sort(String field) {
		var request = ServletUriComponentsBuilder.fromCurrentRequest().build();
		boolean ascending = field.equals(request.getQueryParams().getFirst("sort"))
				&& !"desc".equals(request.getQueryParams().getFirst("dir"));
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("sort", field)
			.replaceQueryParam("dir", ascending ? "desc" : "asc")
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	/** ▲ or ▼ after the header the list is sorted by, nothing otherwise. */
	public String sortMark(String field) {
		var params = ServletUriComponentsBuilder.fromCurrentRequest().build().getQueryParams();
		if (!field.equals(params.getFirst("sort"))) {
			return "";
		}
		return "desc".equals(params.getFirst("dir")) ? " ▼" : " ▲";
	}

}
