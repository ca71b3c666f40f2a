package io.keyaccount.platform.security;

import java.util.List;

/**
 * The permissions one module defines, declared as a bean so the role editor can list them. Labels come from
 * the message bundles: {@code permissionGroup.<key>} and {@code permission.<code>}.
 */
public record PermissionGroup(String key, int order, List<String> permissions) {
}
