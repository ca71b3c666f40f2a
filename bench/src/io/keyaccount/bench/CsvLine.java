package io.keyaccount.bench;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of the CSV the bench writes: empty unquoted field = null, quotes doubled inside quotes. */
final class CsvLine {

	private CsvLine() {
	}

	static List<String> parse(String line) {
		List<String> fields = new ArrayList<>();
		int i = 0;
		while (i <= line.length()) {
			if (i < line.length() && line.charAt(i) == '"') {
				StringBuilder value = new StringBuilder();
				i++;
				while (true) {
					char ch = line.charAt(i);
					if (ch == '"') {
						if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
							value.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					value.append(ch);
					i++;
				}
				fields.add(value.toString());
				i++;
			}
			else {
				int comma = line.indexOf(',', i);
				int end = comma < 0 ? line.length() : comma;
				fields.add(end == i ? null : line.substring(i, end));
				i = end + 1;
			}
		}
		return fields;
	}

}
