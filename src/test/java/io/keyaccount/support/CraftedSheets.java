package io.keyaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files no spreadsheet program writes but anyone can send: an .xlsx whose last row carries a far row number (a
 * kilobyte and a half that FastExcel walks row by row up to that number), a CSV row thousands of columns wide, a
 * cell longer than Excel's 32,767 characters.
 */
public final class CraftedSheets {

	private static final Pattern LAST_ROW = Pattern.compile("<row r=\"(\\d+)\"(?![\\s\\S]*<row r=)");

	private CraftedSheets() {
	}

	/** The same workbook with its first sheet's last row renumbered (its cells too, and the sheet's dimension). */
	public static byte[] withLastRowNumbered(byte[] xlsx, long number) {
		try {
			Path file = Files.createTempFile("crafted", ".xlsx");
			try {
				Files.write(file, xlsx);
				try (FileSystem zip = FileSystems.newFileSystem(file)) {
					Path sheet = zip.getPath("xl/worksheets/sheet1.xml");
					String xml = Files.readString(sheet);
					Matcher last = LAST_ROW.matcher(xml);
					if (!last.find()) {
						throw new IllegalArgumentException("no rows in the sheet");
					}
					String old = last.group(1);
					String head = xml.substring(0, last.start());
					String tail = xml.substring(last.start()).replace("<row r=\"" + old + "\"", "<row r=\"" + number + "\"")
						.replaceAll("r=\"([A-Z]+)" + old + "\"", "r=\"$1" + number + "\"");
					head = head.replaceAll("<dimension ref=\"([A-Z]+1):([A-Z]+)\\d+\"/>", "<dimension ref=\"$1:$2" + number + "\"/>");
					Files.writeString(sheet, head + tail);
				}
				return Files.readAllBytes(file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A CSV whose header row has this many columns, the first named as given, then one data row. */
	public static byte[] csvOfColumns(int columns, String firstHeader, String firstCell) {
		StringBuilder csv = new StringBuilder(firstHeader);
		csv.append(",".repeat(columns - 1)).append('\n').append(firstCell).append('\n');
		return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
