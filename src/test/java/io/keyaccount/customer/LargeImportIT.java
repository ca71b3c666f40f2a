package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import io.keyaccount.customer.ImportProgress.ImportState;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * 100,000 rows import in a JVM limited to 512 MB of heap (the failsafe execution "large-import" sets -Xmx512m):
 * the file is streamed twice, rows are checked a thousand and written five hundred at a time. The database is an
 * H2 file so that its rows do not count against the heap. The heap the import keeps alive must leave a quarter of
 * the limit to spare. Time and peak heap go to target/large-import.txt.
 */
@KeyaccountTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:file:./target/large-import-it/db-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
		"keyaccount.customer.import.work-dir=./target/large-import-it/work" })
class LargeImportIT {

	private static final int ROWS = Integer.getInteger("large-import.rows", 100_000);

	private static final List<String> CITIES = List.of("杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州",
			"丽水", "苏州", "无锡", "南京", "上海", "深圳", "广州", "成都", "武汉", "西安");

	private static final List<String> TRADES = List.of("科技", "电子", "贸易", "机械", "通信", "物流", "建材", "医药");

	@Autowired
	CustomerImports imports;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void aHundredThousandRowsImportWithinFiveHundredAndTwelveMegabytes(@TempDir Path dir) throws Exception {
		long maxHeap = Runtime.getRuntime().maxMemory();
		assertThat(maxHeap).as("run with -Xmx512m").isLessThanOrEqualTo(512L * 1024 * 1024);
		Path csv = generate(dir.resolve("100k.csv"));
		DemoUsers.signIn(staff, "wangjianguo");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		long before = jdbc.queryForObject("select count(*) from account", Long.class);

		Instant start = Instant.now();
		String uploadId;
		try (InputStream in = Files.newInputStream(csv)) {
			uploadId = imports.upload("100k.csv", in).id();
		}
		String jobId = imports.start(uploadId, new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, false, false));
		HeapWatch heap = new HeapWatch();
		ImportProgress progress = imports.progress(jobId);
		Instant validated = null;
		int polls = 0;
		Instant deadline = start.plus(Duration.ofMinutes(45));
		while (!progress.finished() && Instant.now().isBefore(deadline)) {
			heap.sample();
			Thread.sleep(250);
			progress = imports.progress(jobId);
			if (++polls % 120 == 0) {
				System.out.printf(Locale.ROOT, "LargeImportIT %s checked=%d written=%d liveHeap=%dMB%n", progress.phase(),
						progress.validatedRows(), progress.writtenRows(), heap.peakLive >> 20);
			}
			if (validated == null && progress.phase() == ImportProgress.ImportPhase.WRITING) {
				validated = Instant.now();
			}
		}
		heap.sample();
		Duration took = Duration.between(start, Instant.now());
		// once more at the end: a short import (-Dlarge-import.rows) may finish before the first forced collection
		heap.collect();
		String figures = String.format(Locale.ROOT,
				"rows=%d imported=%d contacts=%d bad=%d total=%ds check=%ds maxHeap=%dMB sampledPeakHeap=%dMB peakLiveHeap=%dMB%n",
				ROWS, progress.importedAccounts(), progress.importedContacts(), progress.badRows(), took.toSeconds(),
				validated == null ? -1 : Duration.between(start, validated).toSeconds(), maxHeap >> 20,
				heap.peakUsed >> 20, heap.peakLive >> 20);
		System.out.print("LargeImportIT " + figures);
		Files.writeString(Path.of("target/large-import.txt"), figures);

		assertThat(progress.state()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(progress.totalRows()).isEqualTo(ROWS);
		assertThat(progress.badRows()).isEqualTo(ROWS / 1000);
		assertThat(progress.importedAccounts()).isEqualTo(ROWS - ROWS / 1000);
		assertThat(progress.importedContacts()).isEqualTo(ROWS / 2);
		assertThat(jdbc.queryForObject("select count(*) from account", Long.class) - before)
			.isEqualTo(ROWS - ROWS / 1000);
		assertThat(imports.errorReport(jobId)).isPresent();
		// a quarter of the heap to spare: an import whose live heap creeps towards the limit fails here, not in CI's
		// next run with an OutOfMemoryError half-way
		assertThat(heap.peakLive).as("heap live after a full collection, at its peak").isLessThan(maxHeap / 4 * 3);
	}

	/** Writes the file line by line: 100,000 accounts in 20 cities, every other one with a contact, one in 1,000 bad. */
	private static Path generate(Path file) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("客户名称,统一社会信用代码,行业,省份,城市,员工人数,年营业收入,客户状态,采购方式,标签,负责人(用户名),联系人姓名,职务,手机,邮箱\n");
			for (int i = 0; i < ROWS; i++) {
				String city = CITIES.get(i % CITIES.size());
				String name = city + ImportSheet.word(i) + TRADES.get(i % TRADES.size()) + "有限公司";
				String mobile = i % 1000 == 999 ? "12345" : "19" + String.format("%09d", 100_000_000 + i);
				boolean contact = i % 2 == 0 || i % 1000 == 999;
				out.write(String.join(",", name, ImportSheet.creditCode(), "通信", "浙江", "杭州", String.valueOf(10 + i % 500),
						(i * 1000L) + ".50", "意向", "统一采购", "导入压测", i % 3 == 0 ? "liuyang" : "",
						contact ? "联系人" + i : "", contact ? "采购经理" : "", contact ? mobile : "",
						contact ? "buyer" + i + "@example.com" : ""));
				out.write('\n');
			}
		}
		return file;
	}

	/**
	 * The heap in use, sampled, and the heap still in use after a full collection, forced every ten seconds while
	 * the import runs: what the import keeps alive. G1 lets the heap fill to its limit before it collects, so neither
	 * the heap in use nor the old generation "after GC" (which holds garbage a mixed collection has not reached yet)
	 * tells how close the import comes to running out of memory.
	 */
	static final class HeapWatch {

		private static final long COLLECT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

		long peakUsed;

		long peakLive;

		private long lastCollection = System.nanoTime();

		void sample() {
			peakUsed = Math.max(peakUsed, used());
			if (System.nanoTime() - lastCollection >= COLLECT_EVERY_NANOS) {
				collect();
			}
		}

		void collect() {
			System.gc();
			lastCollection = System.nanoTime();
			peakLive = Math.max(peakLive, used());
		}

		private static long used() {
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

	}

}
