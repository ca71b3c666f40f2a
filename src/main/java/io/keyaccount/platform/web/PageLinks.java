package io.keyaccount.platform.web;

import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Reads page, size and sort request parameters safely: unknown sort fields and huge pages are ignored. */
public final class PageLinks {

	public static final List<Integer> SIZES = List.of(10, 20, 50, 100);

	private PageLinks() {
	}

	public static Pageable pageable(Integer page, Integer size, String sort, String dir, Set<String> sortable,
			Sort fallback) {
		int safeSize = size != null && SIZES.contains(size) ? size : 20;
		// the offset (page × size) must fit an int, as the queries that read the page take it as one
		int safePage = page == null || page < 0 ? 0 : Math.min(page, Integer.MAX_VALUE / safeSize - 1);
		Sort order = sort != null && sortable.contains(sort)
				? Sort.by("desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC : Sort.Direction.ASC, sort) : fallback;
		return PageRequest.of(safePage, safeSize, order);
	}

}
