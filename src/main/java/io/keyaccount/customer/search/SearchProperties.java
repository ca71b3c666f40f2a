package io.keyaccount.customer.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyaccount.search.*}: where the customer search index lives, and when it is rebuilt at start-up.
 *
 * @param indexDirectory the Lucene index directory ({@code ./data/index} beside the H2 database by default)
 * @param inMemory keep the index in memory only (tests)
 * @param rebuildOnStart {@code AUTO}: rebuild when the index does not hold what the database holds (an empty
 * index after an upgrade, a restored backup); {@code ALWAYS}; {@code NEVER}
 * @param waitForRebuildBelow a rebuild of fewer accounts than this finishes before the application takes
 * requests; a larger one runs in the background while the application starts (searches miss what is not yet
 * indexed)
 */
@ConfigurationProperties("keyaccount.search")
public record SearchProperties(@DefaultValue("./data/index") Path indexDirectory, @DefaultValue("false") boolean inMemory,
		@DefaultValue("AUTO") Rebuild rebuildOnStart, @DefaultValue("50000") long waitForRebuildBelow) {

	public enum Rebuild {

		AUTO, ALWAYS, NEVER

	}

}
