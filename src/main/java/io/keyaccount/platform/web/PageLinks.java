package io.keyaccount.platform.web;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Reads page, size and sort request parameters safely: unknown sort fields and huge pages are ignored. A screen's
 * {@code page} counts from 1, as the pager shows it ({@link #screen}); the API's counts from 0 ({@link #pageable}).
 */
public final class PageLinks {

	public static final List<Integer> SIZES = List.of(10, 20, 50, 100);


	private PageLinks() {
	}

	/** The API's page: {@code page} counts from 0. */
	public static Pageable pageable(Integer page, Integer size, String sort, String dir, Set<String> sortable,
			Sort fallback) {
		int safeSize = size != null && SIZES.contains(size) ? size : 20;
		// the offset (page × size) must fit an int, as the queries that read the page take it as one
		int safePage = page == null || page < 0 ? 0 : Math.min(page, Integer.MAX_VALUE / safeSize - 1);
		Sort order = sort != null && sortable.contains(sort)
				? Sort.by("desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC : Sort.Direction.ASC, sort) : fallback;
		return PageRequest.of(safePage, safeSize, order);
	}

	/** A screen's page: {@code page} counts from 1, as the pager and its "第 n/m 页" show it. */
	public static Pageable screen(Integer page, Integer size, String sort, String dir, Set<String> sortable,
			Sort fallback) {
		return pageable(page == null ? null : page - 1, size, sort, dir, sortable, fallback);
	}

	/**
	 * The page {@code read} returns for {@code pageable}, or its last page when {@code pageable} lies past the end
	 * (a link kept from a longer list, a typed page number): the user sees the rows nearest to what he asked for.
	 */
	public static <P extends Page<?>> P clamped(Pageable pageable, Function<Pageable, P> read) {
		P page = read.apply(pageable);
		if (page.getContent().isEmpty() && pageable.isPaged() && pageable.getPageNumber() > 0
				&& page.getTotalElements() > 0) {
			int last = (int) Math.min(Integer.MAX_VALUE, (page.getTotalElements() - 1) / pageable.getPageSize());
			return read.apply(PageRequest.of(last, pageable.getPageSize(), pageable.getSort()));
		}
		return page;
	}

}
