package io.keyaccount.customer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.idev.excel.FastExcel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.keyaccount.platform.files.XlsxWriter;
import io.keyaccount.platform.validation.ChineseIdentifiers;

/**
 * Import files for tests: {@code ImportSheet.of("客户名称", "手机").row("杭州…", "138…").xlsx()}, plus readers for
 * the sheets the application writes (template, error report, export).
 */
final class ImportSheet {

	static final List<String> HEADERS = List.of("客户名称", "简称", "统一社会信用代码", "行业", "省份", "城市", "员工人数", "年营业收入",
			"企业性质", "客户状态", "采购方式", "采购模式", "标签", "负责人(用户名)", "联系人姓名", "职务", "手机", "邮箱");

	private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final String NAME_CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星辰山川";

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	private ImportSheet(List<String> headers) {
		this.headers = headers;
	}

	static ImportSheet of(String... headers) {
		return new ImportSheet(List.of(headers));
	}

	static ImportSheet standard() {
		return new ImportSheet(HEADERS);
	}

	ImportSheet row(String... cells) {
		rows.add(Arrays.asList(cells));
		return this;
	}

	private static final AtomicInteger MOBILES = new AtomicInteger(ThreadLocalRandom.current().nextInt(50_000_000));

	/** A good account row in the standard layout: unique name, credit code and mobile for this test run. */
	static String[] goodRow(String prefix, int n, String owner) {
		return new String[] { prefix + word(n) + "科技有限公司", "简" + n, creditCode(), "通信", "浙江", "杭州", "120", "3500000.50",
				"民营", "意向", "统一采购", "持续采购", "导入测试", owner, "联系人" + n, "采购经理", mobile(), "buyer" + n + "@example.com" };
	}

	/** Two Chinese characters per digit group, so two names of the run are never one character apart. */
	static String word(int n) {
		StringBuilder word = new StringBuilder();
		String digits = String.format("%06d", n);
		for (char digit : digits.toCharArray()) {
			int d = digit - '0';
			word.append(NAME_CHARS.charAt(d)).append(NAME_CHARS.charAt(10 + (d * 7 + digits.length()) % 23));
		}
		return word.toString();
	}

	static String creditCode() {
		StringBuilder first17 = new StringBuilder("91");
		while (first17.length() < 17) {
			first17.append(CREDIT_CODE_CHARS.charAt(ThreadLocalRandom.current().nextInt(CREDIT_CODE_CHARS.length())));
		}
		return ChineseIdentifiers.withCreditCodeCheck(first17.toString());
	}

	/**
	 * A mobile no other row of this test run has: random ones met an earlier test's contact now and then, and the
	 * import rightly called the row a possible duplicate.
	 */
	static String mobile() {
		return "199" + String.format("%08d", MOBILES.incrementAndGet());
	}

	/** A name prefix no other test run uses, so tests sharing the database never see each other's rows. */
	static String uniquePrefix() {
		return word(ThreadLocalRandom.current().nextInt(1_000_000));
	}

	byte[] xlsx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxWriter writer = XlsxWriter.to(out)) {
			writer.sheet("客户", headers, 16);
			rows.forEach(writer::row);
		}
		return out.toByteArray();
	}

	byte[] csv(Charset charset, boolean bom) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (bom) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			}
			try (Writer writer = new OutputStreamWriter(out, charset);
					CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
				printer.printRecord(headers);
				for (List<String> row : rows) {
					printer.printRecord(row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	byte[] csv() {
		return csv(StandardCharsets.UTF_8, false);
	}

	/** Every row of a sheet the application wrote, the header row included, as text. */
	static List<List<String>> read(byte[] xlsx, int sheet) {
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(sheet).headRowNumber(0).doReadSync();
		List<List<String>> result = new ArrayList<>();
		for (Map<Integer, String> row : rows) {
			int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
			List<String> cells = new ArrayList<>(width);
			for (int i = 0; i < width; i++) {
				cells.add(row.get(i) == null ? "" : row.get(i));
			}
			result.add(cells);
		}
		return result;
	}

}
