package io.keyaccount.platform.recyclebin;

import java.util.List;

/**
 * A kind of business record that goes to the recycle bin when deleted, declared as a bean by its module.
 * {@code beforePurge} are statements (one {@code ?} for the id) that clear references before the row is
 * removed for good.
 */
public record RecyclableType(String key, String labelKey, String entityType, String table, String nameColumn,
		List<String> beforePurge) {
}
