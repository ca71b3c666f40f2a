package io.keyaccount.platform.web;

import java.util.List;

/** A module's part of the top-bar global search: finds its records visible to the current user. */
public interface SearchProvider {

	String groupKey();

	List<SearchHit> search(String query, int limit);

	record SearchHit(String title, String subtitle, String url) {
	}

}
