package io.keyaccount.platform.security;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** Every permission every module defines, grouped by module. */
@Component
public class PermissionCatalog {

	private final List<PermissionGroup> groups;

	PermissionCatalog(List<PermissionGroup> groups) {
		this.groups = groups.stream().sorted(Comparator.comparingInt(PermissionGroup::order)).toList();
	}

	public List<PermissionGroup> groups() {
		return groups;
	}

	public List<String> all() {
		return groups.stream().flatMap(g -> g.permissions().stream()).toList();
	}

}
