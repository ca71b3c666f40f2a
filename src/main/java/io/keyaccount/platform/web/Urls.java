package io.keyaccount.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that keep the current list's filters: {@code ${@urls.page(2, 20)}} for paging and
 * {@code ${@urls.sort('name')}} for a sortable header (a second click reverses the order).
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

	/** The current query string without paging and language, for saving a list view. */
	public String query() {
		String query = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.getQuery();
		return query == null ? "" : query;
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
			.replaceQueryParam("page", 0)
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
