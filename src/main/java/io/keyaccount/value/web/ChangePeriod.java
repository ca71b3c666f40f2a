package io.keyaccount.value.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The two dates 客户变化 compares, put in order and kept within the runs that can exist: dates are swapped when
 * the start comes after the end, and a date after today becomes today (no run is ever scored for the future).
 * {@code notices} are the message keys telling the user what was changed.
 */
record ChangePeriod(LocalDate from, LocalDate to, List<String> notices) {

	static ChangePeriod of(LocalDate from, LocalDate to, LocalDate today) {
		List<String> notices = new ArrayList<>();
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusMonths(3) : from;
		if (start.isAfter(end)) {
			LocalDate swapped = start;
			start = end;
			end = swapped;
			notices.add("value.changes.swapped");
		}
		if (end.isAfter(today)) {
			end = today;
			notices.add("value.changes.clampedToToday");
		}
		if (start.isAfter(today)) {
			start = today;
		}
		return new ChangePeriod(start, end, List.copyOf(notices));
	}

}
