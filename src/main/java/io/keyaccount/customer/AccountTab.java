package io.keyaccount.customer;

/**
 * A tab another module adds to the account 360° page, declared as a bean. The page loads the tab's content with
 * htmx from {@code pathTemplate} with {@code {id}} replaced by the account id; only users holding
 * {@code permission} (null: everyone who sees the account) get the tab.
 */
public record AccountTab(String key, String labelKey, int order, String pathTemplate, String permission) {

	public String path(long accountId) {
		return pathTemplate.replace("{id}", Long.toString(accountId));
	}

}
