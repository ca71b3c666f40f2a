package io.keyaccount.platform.persistence;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a list whose total is exact only up to a bound: past it the list says "more than {total}", which is
 * what a user needs to know and costs a bounded count instead of a count of the whole table.
 */
public class BoundedPage<T> extends PageImpl<T> {

	private final boolean totalExact;

	public BoundedPage(List<T> content, Pageable pageable, long total, boolean totalExact) {
		super(content, pageable, total);
		this.totalExact = totalExact;
	}

	/** False when the list has more than {@link #getTotalElements()} items. */
	public boolean isTotalExact() {
		return totalExact;
	}

	@Override
	public <U> BoundedPage<U> map(Function<? super T, ? extends U> converter) {
		return new BoundedPage<>(getConvertedContent(converter), getPageable(), getTotalElements(), totalExact);
	}

}
