package io.keyaccount.platform.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

import io.keyaccount.platform.persistence.BoundedPage;

/**
 * A page of an API list: the items and where they sit in the whole. When {@code totalExact} is false the list
 * holds more than {@code totalItems} items (a {@link BoundedPage}), and {@code totalPages} counts only those.
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages,
		boolean totalExact) {

	public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages(),
				!(page instanceof BoundedPage<?> bounded) || bounded.isTotalExact());
	}

}
