package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.AccountMerger;
import io.keyaccount.platform.imports.ImportWorkers;
import io.keyaccount.support.CraftedSheets;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.value.domain.LedgerImport;
import io.keyaccount.value.domain.LedgerImportProgress;
import io.keyaccount.value.domain.LedgerImportProgress.State;

/**
 * Importing purchase history: checked first, matched rows recorded once, every bad row reported by number and
 * reason, a reference never counted twice for the same account.
 */
@KeyaccountTest
class LedgerImportTests {

	@Autowired
	LedgerImport importer;

	@Autowired
	ImportWorkers workers;

	@Autowired
	AccountMerger merger;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	private final String run = "R" + System.nanoTime() % 1_000_000_000 + "-";

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<CompletableFuture<Void>> holding = new ArrayList<>();

	@BeforeEach
	void inChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void signOut() {
		release.countDown();
		holding.forEach(CompletableFuture::join);
		DemoUsers.signOut();
		LocaleContextHolder.resetLocaleContext();
	}

	private String[] anAccount(int offset) {
		return jdbc.queryForObject("select name, credit_code from account where credit_code is not null and deleted_at is null"
				+ " and name in (select name from account group by name having count(*) = 1) order by id offset " + offset + " rows fetch next 1 rows only",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) });
	}

	private long importedRows(String reference) {
		return jdbc.queryForObject("select count(*) from value_transaction where reference like ?", Long.class,
				reference + "%");
	}

	private LedgerImportProgress importCsv(String csv, boolean dryRun) {
		return awaitFinished(importer.start("history.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dryRun));
	}

	private LedgerImportProgress awaitFinished(String jobId) {
		await().pollInSameThread().until(() -> importer.progress(jobId).finished());
		return importer.progress(jobId);
	}

	private static List<String> problems(LedgerImportProgress report) {
		return report.problems().stream().map(p -> p.row() + ": " + p.reason()).toList();
	}

	@Test
	void matchedRowsAreRecordedAndTheRestReportedByRowWithTheReason() {
		DemoUsers.signIn(staff, "admin");
		String[] byCode = anAccount(20);
		String[] byName = anAccount(21);
		String csv = "客户名称,统一社会信用代码,日期,金额,毛利,单号\n"
				+ "随便写的名字," + byCode[1] + ",2025-03-01,\"12,000.00\",3600," + run + "A1\n"
				+ byName[0] + ",,2025/3/2,¥5000,," + run + "A2\n"
				+ byName[0] + ",,2025-03-05,-1000,-300," + run + "A3\n"
				+ "不存在的公司,,2025-03-03,100,," + run + "A4\n"
				+ byName[0] + ",,2025-13-01,100,," + run + "A5\n"
				+ byName[0] + ",,2025-03-04,一百,," + run + "A6\n"
				+ byName[0] + ",,2025-03-04,1e-999999999,," + run + "A7\n";

		LedgerImportProgress report = importCsv(csv, false);

		assertThat(report.state()).isEqualTo(State.SUCCEEDED);
		assertThat(report.importedRows()).isEqualTo(3);
		assertThat(problems(report)).containsExactly("5: 找不到对应的客户", "6: 日期无效", "7: 金额无效", "8: 金额无效");
		assertThat(importedRows(run + "A")).isEqualTo(3);
		assertThat(jdbc.queryForObject("select sum(amount) from value_transaction where reference like ?",
				BigDecimal.class, run + "A%")).isEqualByComparingTo("16000");
	}

	@Test
	void theSameFileImportedTwiceIsRecordedOnceAndEveryRepeatIsNamed() {
		DemoUsers.signIn(staff, "admin");
		String[] account = anAccount(24);
		String csv = "统一社会信用代码,日期,金额,单号\n" + account[1] + ",2025-04-01,800," + run + "D1\n"
				+ account[1] + ",2025-04-02,900," + run + "D2\n";
		importCsv(csv, false);

		LedgerImportProgress again = importCsv(csv, false);

		assertThat(again.importedRows()).isZero();
		assertThat(again.duplicateRows()).isEqualTo(2);
		assertThat(problems(again)).containsExactly("2: 单号「" + run + "D1」已在该客户的台账中，不重复导入",
				"3: 单号「" + run + "D2」已在该客户的台账中，不重复导入");
		assertThat(jdbc.queryForObject("select sum(amount) from value_transaction where reference like ?",
				BigDecimal.class, run + "D%")).isEqualByComparingTo("1700");
	}

	@Test
	void aReferenceRepeatedInTheFileIsRecordedOnceButTheSameReferenceOfAnotherAccountIsNot() {
		DemoUsers.signIn(staff, "admin");
		String[] one = anAccount(25);
		String[] other = anAccount(26);
		String csv = "统一社会信用代码,日期,金额,单号\n" + one[1] + ",2025-05-01,100," + run + "F1\n"
				+ one[1] + ",2025-05-01,100," + run + "F1\n" + other[1] + ",2025-05-01,100," + run + "F1\n";

		LedgerImportProgress report = importCsv(csv, false);

		assertThat(report.importedRows()).isEqualTo(2);
		assertThat(problems(report)).containsExactly("3: 单号「" + run + "F1」与第 2 行重复（同一客户），不重复导入");
	}

	@Test
	void aDryRunChecksEveryRowAndWritesNothing() {
		DemoUsers.signIn(staff, "admin");
		String[] account = anAccount(27);
		String csv = "统一社会信用代码,日期,金额,单号\n" + account[1] + ",2025-06-01,100," + run + "C1\n"
				+ account[1] + ",2025-06-31,100," + run + "C2\n";

		LedgerImportProgress check = importCsv(csv, true);

		assertThat(check.goodRows()).isEqualTo(1);
		assertThat(problems(check)).containsExactly("3: 日期无效");
		assertThat(check.importable()).isTrue();
		assertThat(importedRows(run + "C")).isZero();
	}

	@Test
	void anExcelFileSavedInChinaImportsToo() {
		DemoUsers.signIn(staff, "admin");
		String[] account = anAccount(22);
		var out = new ByteArrayOutputStream();
		FastExcel.write(out)
			.head(List.of(List.of("统一社会信用代码"), List.of("日期"), List.of("金额"), List.of("单号")))
			.sheet("台账")
			.doWrite(List.of(List.of(account[1], "2024-05-06", "8800", run + "X1"),
					List.of("91330100XXXXXXXXXX", "2024-05-07", "100", run + "X2")));

		LedgerImportProgress report = awaitFinished(importer.start("台账.xlsx", new ByteArrayInputStream(out.toByteArray()), false));

		assertThat(report.importedRows()).isEqualTo(1);
		assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(3));
	}

	@Test
	void theImportPageChecksFirstOffersTheErrorReportThenImportsTheGoodRows() throws Exception {
		String[] account = anAccount(23);
		String csv = "客户名称,日期,金额,单号\n" + account[0] + ",2024-01-02,300," + run + "P1\n没有这家,2024-01-02,300," + run + "P2\n";
		String checkJob = mvc.perform(multipart("/value/ledger/import")
			.file(new MockMultipartFile("file", "gbk.csv", "text/csv", csv.getBytes(Charset.forName("GB18030"))))
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

		assertThat(awaitPage(checkJob)).contains("校验完成：共 2 行，1 行可以导入，1 行有问题", "找不到对应的客户", "id=\"error-report\"",
				"导入 1 行正确的数据");
		assertThat(importedRows(run + "P")).isZero();
		byte[] errors = mvc.perform(get(checkJob + "/errors").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(rows(errors)).containsExactly(List.of("行号", "客户名称", "日期", "金额", "单号", "问题"),
				List.of("3", "没有这家", "2024-01-02", "300", run + "P2", "找不到对应的客户"));

		String importJob = mvc.perform(post(checkJob).with(DemoUsers.as(staff, "admin")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

		assertThat(awaitPage(importJob)).contains("已导入 1 行，1 行未导入");
		assertThat(importedRows(run + "P")).isEqualTo(1);
	}

	@Test
	void theTemplateHasTheColumnsTheImportReadsAndAnExampleRow() throws Exception {
		byte[] template = mvc.perform(get("/value/ledger/import/template").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

		List<List<String>> rows = rows(template);
		assertThat(rows.get(0)).containsExactly("客户名称", "统一社会信用代码", "外部编号", "日期", "金额", "毛利", "单号");
		assertThat(rows.get(1)).contains("杭州明华光电科技有限公司", "2026-03-18", "SO-2026-00018");

		DemoUsers.signIn(staff, "admin");
		inChinese();
		LedgerImportProgress check = awaitFinished(importer.start("模板.xlsx", new ByteArrayInputStream(template), true));
		assertThat(problems(check)).containsExactly("2: 找不到对应的客户");
	}

	@Test
	void aSheetWhoseOneRowIsNumberedTwoBillionIsRefusedAtOnceNamingTheLimit() throws Exception {
		var out = new ByteArrayOutputStream();
		FastExcel.write(out).head(List.of(List.of("客户名称"), List.of("日期"), List.of("金额"))).sheet("台账")
			.doWrite(List.of(List.of("远方", "2024-05-06", "1")));
		byte[] far = CraftedSheets.withLastRowNumbered(out.toByteArray(), 2_000_000_000L);

		String page = mvc.perform(multipart("/value/ledger/import")
			.file(new MockMultipartFile("file", "far.xlsx", "application/octet-stream", far))
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("文件的行数超出上限：一次最多导入 200,000 行数据");
	}

	@Test
	void aFileThatIsNoSpreadsheetOrHasNoFileIsRefusedOnTheUploadPage() throws Exception {
		mvc.perform(multipart("/value/ledger/import")
			.file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", "not a workbook".getBytes(StandardCharsets.UTF_8)))
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("无法读取该文件，请确认它是有效的 .xlsx 或 .csv 文件")));
		mvc.perform(multipart("/value/ledger/import").with(DemoUsers.as(staff, "admin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择要导入的文件")));
	}

	@Test
	void aLedgerImportIsRefusedWhileTheSameUsersOtherImportRuns() {
		DemoUsers.signIn(staff, "admin");
		holding.add(workers.submit(this::awaitRelease));

		assertThatThrownBy(() -> importer.start("a.csv",
				new ByteArrayInputStream("客户名称,日期,金额\n某公司,2024-01-02,300\n".getBytes(StandardCharsets.UTF_8)), true))
			.hasMessageContaining("file.import.runningForUser");
	}

	@Test
	void aMergedDuplicatesPurchasesMoveToTheAccountKept() {
		DemoUsers.signIn(staff, "admin");
		List<Long> ids = jdbc.queryForList("select id from account where deleted_at is null and id in"
				+ " (select account_id from value_transaction) order by id desc fetch first 2 rows only", Long.class);
		long kept = ids.get(0);
		long merged = ids.get(1);
		long total = jdbc.queryForObject("select count(*) from value_transaction where account_id in (?, ?)", Long.class,
				kept, merged);

		merger.merge(kept, merged);

		assertThat(jdbc.queryForObject("select count(*) from value_transaction where account_id = ?", Long.class, kept))
			.isEqualTo(total);
	}

	private String awaitPage(String jobPage) throws Exception {
		await().until(() -> !mvc.perform(get(jobPage).header("HX-Request", "true").with(DemoUsers.as(staff, "admin")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).contains("hx-trigger"));
		return mvc.perform(get(jobPage).with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<List<String>> rows(byte[] xlsx) {
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(0).doReadSync();
		List<List<String>> result = new ArrayList<>();
		for (Map<Integer, String> row : rows) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i <= row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1); i++) {
				cells.add(row.get(i) == null ? "" : row.get(i));
			}
			result.add(cells);
		}
		return result;
	}

	private void awaitRelease() {
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
