package io.keyaccount.customer.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The import check's index of a chunk's names: which existing names it proposes as possible duplicates. */
class NameIndexTests {

	@Test
	void proposesTheSameNamePrefixesOfItAndNamesOneCharacterApart() {
		var index = new DuplicateScreen.NameIndex<String>();
		index.add("杭州明华科技", "row");

		assertThat(index.hits("杭州明华科技")).containsExactly("row");
		assertThat(index.hits("杭州明华科技发展")).as("begins with the row's name").containsExactly("row");
		assertThat(index.hits("杭州明华")).as("the row's name begins with it").containsExactly("row");
		assertThat(index.hits("杭州明华技")).as("one character left out").containsExactly("row");
		assertThat(index.hits("杭州明华科技园")).as("one character added").containsExactly("row");
		assertThat(index.hits("杭州明光科技")).as("one character replaced").containsExactly("row");
		assertThat(index.hits("杭州远华信息")).isEmpty();
	}

	@Test
	void theHashFilterNeverLosesAHit() {
		var random = new Random(11);
		String alphabet = "杭州明华科技信息达通博联";
		var filtered = new DuplicateScreen.NameIndex<String>();
		var unfiltered = new DuplicateScreen.NameIndex<String>(false);
		for (int i = 0; i < 300; i++) {
			String name = randomName(random, alphabet);
			filtered.add(name, name);
			unfiltered.add(name, name);
		}
		int found = 0;
		for (int i = 0; i < 5_000; i++) {
			String existing = randomName(random, alphabet);
			Set<String> hits = filtered.hits(existing);
			assertThat(hits).as(existing).isEqualTo(unfiltered.hits(existing));
			found += hits.isEmpty() ? 0 : 1;
		}
		assertThat(found).as("names with hits").isBetween(500, 4_500);
	}

	private static String randomName(Random random, String alphabet) {
		var name = new StringBuilder("杭州");
		int length = 1 + random.nextInt(7);
		for (int k = 0; k < length; k++) {
			name.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return name.toString();
	}

}
