package io.keyaccount.platform.web;

/**
 * One link in the sidebar, contributed as a bean by the module that owns the page, so a module that is not
 * built has no dead link. {@code section} groups links (customer, keyaccount, value, ..., admin); labels are
 * message keys; the link shows only to users holding {@code permission} (null: every signed-in user).
 */
public record NavigationItem(String section, int order, String labelKey, String path, String icon,
		String permission) {
}
