package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.keyaccount.customer.ImportProgress.ImportState;
import io.keyaccount.customer.ImportProgress.RowProblem;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** Importing accounts and their first contacts: checks, modes, encodings, scope and the reports. */
@KeyaccountTest
class CustomerImportTests {

	@Autowired
	CustomerImports imports;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CustomerSearch search;

	@BeforeEach
	void speakChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
		LocaleContextHolder.resetLocaleContext();
	}

	/** A thousand rows, five of them bad in the ways users get rows wrong. */
	record FileWithBadRows(String prefix, byte[] xlsx, Map<Long, String> badRows) {
	}

	static FileWithBadRows thousandRowsWithFiveBad(String owner) {
		String prefix = ImportSheet.uniquePrefix();
		ImportSheet sheet = ImportSheet.standard();
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rows.add(ImportSheet.goodRow(prefix, i, owner));
		}
		rows.get(10)[2] = "91330100MA27XK5X1A";
		rows.get(200)[16] = "1234567";
		rows.get(300)[3] = "航天";
		rows.get(400)[0] = "";
		rows.get(999)[2] = rows.get(500)[2];
		rows.forEach(sheet::row);
		// Spreadsheet rows: the header is row 1, so list index i is row i + 2.
		return new FileWithBadRows(prefix, sheet.xlsx(), Map.of(12L, "不是有效的统一社会信用代码", 202L, "不是有效的中国大陆手机号",
				302L, "「航天」不是可选的值", 402L, "客户名称：此项为必填项", 1001L, "与第 502 行重复"));
	}

	@Test
	void aDryRunListsEveryBadRowWithItsReasonAndWritesNothing() {
		DemoUsers.signIn(staff, "liuyang");
		FileWithBadRows file = thousandRowsWithFiveBad("liuyang");

		ImportProgress report = imports.importNow("客户.xlsx", new ByteArrayInputStream(file.xlsx()),
				new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, true, false));

		assertThat(report.state()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(report.totalRows()).isEqualTo(1000);
		assertThat(report.goodRows()).isEqualTo(995);
		assertThat(report.badRows()).isEqualTo(5);
		Map<Long, String> reasons = report.problems()
			.stream()
			.collect(Collectors.toMap(RowProblem::row, p -> String.join(" ", p.reasons())));
		assertThat(reasons).containsOnlyKeys(file.badRows().keySet());
		file.badRows().forEach((row, reason) -> assertThat(reasons.get(row)).contains(reason));
		assertThat(accountsNamed(file.prefix())).isZero();
		assertThat(report.errorReportAvailable()).isTrue();
	}

	@Test
	void allOrNothingKeepsNoneWhenARowIsBad() {
		DemoUsers.signIn(staff, "liuyang");
		FileWithBadRows file = thousandRowsWithFiveBad("liuyang");

		ImportProgress report = imports.importNow("客户.xlsx", new ByteArrayInputStream(file.xlsx()),
				new ImportOptions(null, ImportMode.ALL_OR_NOTHING, false, false));

		assertThat(report.state()).isEqualTo(ImportState.REJECTED);
		assertThat(report.importedAccounts()).isZero();
		assertThat(accountsNamed(file.prefix())).isZero();
	}

	@Test
	void keepingTheGoodRowsImportsExactlyThemAndReportsTheOthers() throws Exception {
		DemoUsers.signIn(staff, "liuyang");
		FileWithBadRows file = thousandRowsWithFiveBad("liuyang");

		String jobId = imports.start(imports.upload("客户.xlsx", new ByteArrayInputStream(file.xlsx())).id(),
				new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, false, false));
		ImportProgress report = awaitFinished(jobId);

		assertThat(report.state()).isEqualTo(ImportState.SUCCEEDED);
		assertThat(report.importedAccounts()).isEqualTo(995);
		assertThat(report.importedContacts()).isEqualTo(995);
		assertThat(accountsNamed(file.prefix())).isEqualTo(995);
		// the last batch is found by search as soon as the import says it is done
		String lastRow = file.prefix() + ImportSheet.word(998) + "科技有限公司";
		assertThat(search.accounts(lastRow, 5)).extracting(CustomerSearch.AccountHit::name).contains(lastRow);
		assertThat(jdbc.queryForObject("""
				select count(*) from contact c join account a on a.id = c.account_id
				where a.name like ? and c.name like '联系人%' and c.title = '采购经理'""", Long.class, file.prefix() + "%"))
			.isEqualTo(995);
		assertThat(jdbc.queryForList("select distinct u.username from account a join app_user u on u.id = a.owner_user_id where a.name like ?",
				String.class, file.prefix() + "%"))
			.containsExactly("liuyang");
		assertThat(jdbc.queryForObject("select count(*) from account where name like ? and industry = 'TELECOM' and province_code = '330000' and city_code = '330100' and status = 'INTENT' and purchasing_mode = 'CENTRALISED' and annual_revenue = 3500000.50",
				Long.class, file.prefix() + "%"))
			.isEqualTo(995);

		List<List<String>> errorReport = ImportSheet.read(
				java.nio.file.Files.readAllBytes(imports.errorReport(jobId).orElseThrow()), 0);
		assertThat(errorReport).hasSize(6);
		assertThat(errorReport.get(0)).startsWith("行号", "客户名称").endsWith("错误原因");
		assertThat(errorReport.subList(1, 6)).extracting(row -> row.get(0))
			.containsExactlyInAnyOrder("12", "202", "302", "402", "1001");
		assertThat(errorReport.get(2).get(17)).isEqualTo("1234567");
		assertThat(errorReport.get(2).get(19)).contains("手机");
	}

	@Test
	void aGbkCsvWithChineseNamesImportsCorrectly() {
		DemoUsers.signIn(staff, "chenjing");
		String prefix = ImportSheet.uniquePrefix();
		byte[] gbk = ImportSheet.of("客户名称", "行业", "省份", "城市", "客户状态", "采购方式", "联系人", "手机")
			.row(prefix + "杭州明华光电科技有限公司", "通信", "浙江省", "杭州", "成交", "统一采购", "王小明", ImportSheet.mobile())
			.row(prefix + "宁波海天塑机集团有限公司", "制造业", "浙江", "宁波市", "意向", "分散采购", "", "")
			.csv(Charset.forName("GBK"), false);

		ImportProgress report = imports.importNow("客户.csv", new ByteArrayInputStream(gbk),
				new ImportOptions(null, ImportMode.ALL_OR_NOTHING, false, false));

		assertThat(report.problems()).isEmpty();
		assertThat(report.importedAccounts()).isEqualTo(2);
		assertThat(report.importedContacts()).isEqualTo(1);
		Map<String, Object> hangzhou = jdbc.queryForMap("select * from account where name = ?", prefix + "杭州明华光电科技有限公司");
		assertThat(hangzhou).containsEntry("INDUSTRY", "TELECOM")
			.containsEntry("PROVINCE_CODE", "330000")
			.containsEntry("CITY_CODE", "330100")
			.containsEntry("STATUS", "CUSTOMER")
			.containsEntry("PURCHASING_MODE", "CENTRALISED");
		assertThat(jdbc.queryForObject("select name from contact where account_id = ?", String.class, hangzhou.get("ID")))
			.isEqualTo("王小明");
		assertThat(jdbc.queryForObject("select city_code from account where name = ?", String.class,
				prefix + "宁波海天塑机集团有限公司"))
			.isEqualTo("330200");
	}

	@Test
	void aUtf8CsvWithAByteOrderMarkAndEnglishHeadersImports() {
		DemoUsers.signIn(staff, "liuyang");
		String prefix = ImportSheet.uniquePrefix();
		byte[] csv = ImportSheet.of("Account name", "Industry", "Status", "Owner", "Contact name", "Email")
			.row(prefix + "深圳前海云联网络有限公司", "IT", "CUSTOMER", "liuyang", "Li Na", "lina@example.com")
			.csv(StandardCharsets.UTF_8, true);

		ImportUpload upload = imports.upload("accounts.csv", new ByteArrayInputStream(csv));
		assertThat(upload.suggestedMapping()).containsEntry(0, ImportColumn.NAME)
			.containsEntry(1, ImportColumn.INDUSTRY)
			.containsEntry(3, ImportColumn.OWNER)
			.containsEntry(5, ImportColumn.CONTACT_EMAIL);
		ImportProgress report = awaitFinished(imports.start(upload.id(),
				new ImportOptions(null, ImportMode.ALL_OR_NOTHING, false, false)));

		assertThat(report.importedAccounts()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select industry from account where name = ?", String.class,
				prefix + "深圳前海云联网络有限公司"))
			.isEqualTo("IT");
	}

	@Test
	void likelyDuplicatesOfExistingAccountsAreReportedUnlessConfirmed() {
		DemoUsers.signIn(staff, "liuyang");
		String prefix = ImportSheet.uniquePrefix();
		String mobile = ImportSheet.mobile();
		imports.importNow("first.csv", new ByteArrayInputStream(ImportSheet.of("客户名称", "联系人姓名", "手机")
			.row(prefix + "温州瓯江电缆有限公司", "陈一", mobile)
			.csv()), new ImportOptions(null, ImportMode.ALL_OR_NOTHING, false, false));
		byte[] again = ImportSheet.of("客户名称", "联系人姓名", "手机")
			.row(prefix + "温州瓯江电缆股份有限公司", "", "")
			.row(prefix + "丽水某某贸易有限公司", "陈二", mobile)
			.csv();

		ImportProgress refused = imports.importNow("again.csv", new ByteArrayInputStream(again),
				new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, false, false));
		ImportProgress confirmed = imports.importNow("again.csv", new ByteArrayInputStream(again),
				new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, false, true));

		assertThat(refused.importedAccounts()).isZero();
		assertThat(refused.duplicateRows()).isEqualTo(2);
		assertThat(refused.problems()).extracting(p -> String.join("", p.reasons()))
			.allSatisfy(reason -> assertThat(reason).contains("疑似重复").contains(prefix + "温州瓯江电缆有限公司"))
			.anySatisfy(reason -> assertThat(reason).contains("名称相同或相似"))
			.anySatisfy(reason -> assertThat(reason).contains("电话相同"));
		assertThat(confirmed.importedAccounts()).isEqualTo(2);
	}

	@Test
	void aSalespersonCannotImportAccountsForAColleague() {
		DemoUsers.signIn(staff, "liuyang");
		String prefix = ImportSheet.uniquePrefix();
		byte[] csv = ImportSheet.of("客户名称", "负责人")
			.row(prefix + "衢州江山木业有限公司", "huangting")
			.row(prefix + "台州黄岩模具有限公司", "")
			.row(prefix + "湖州南浔电梯有限公司", "nobody")
			.csv();

		ImportProgress report = imports.importNow("scope.csv", new ByteArrayInputStream(csv),
				new ImportOptions(null, ImportMode.KEEP_GOOD_ROWS, false, false));

		assertThat(report.importedAccounts()).isEqualTo(1);
		assertThat(report.problems()).extracting(RowProblem::row).containsExactly(2L, 4L);
		assertThat(report.problems().get(0).reasons()).anySatisfy(r -> assertThat(r).contains("不在您的数据权限范围内"));
		assertThat(report.problems().get(1).reasons()).anySatisfy(r -> assertThat(r).contains("找不到用户「nobody」"));
	}

	@Test
	void reasonsAreWrittenInTheImportersLanguage() {
		DemoUsers.signIn(staff, "liuyang");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		byte[] csv = ImportSheet.of("Account name", "Mobile", "Contact name").row("", "123", "Wang").csv();

		ImportProgress report = imports.importNow("en.csv", new ByteArrayInputStream(csv),
				new ImportOptions(null, ImportMode.ALL_OR_NOTHING, true, false));

		assertThat(report.problems().get(0).reasons()).containsExactly("Account name: Required",
				"Mobile: \"123\" is not a valid mainland China mobile number");
	}

	@Test
	void aFileThatIsNeitherXlsxNorCsvIsRefused() {
		DemoUsers.signIn(staff, "liuyang");
		assertThatThrownBy(() -> imports.upload("客户.xls", new ByteArrayInputStream(new byte[] { 1, 2, 3 })))
			.hasMessageContaining("import.unsupportedFile");
	}

	@Test
	void theDuplicateCheckOfAFileCanBeMappedByHand() {
		DemoUsers.signIn(staff, "liuyang");
		String prefix = ImportSheet.uniquePrefix();
		byte[] csv = ImportSheet.of("公司", "备注").row(prefix + "嘉兴南湖纺织有限公司", "老客户介绍").csv();
		ImportUpload upload = imports.upload("hand.csv", new ByteArrayInputStream(csv));

		assertThat(upload.suggestedMapping()).isEmpty();
		assertThatThrownBy(() -> imports.start(upload.id(), new ImportOptions(null, ImportMode.ALL_OR_NOTHING, true, false)))
			.hasMessageContaining("import.nameColumnMissing");
		ImportProgress report = awaitFinished(imports.start(upload.id(),
				new ImportOptions(Map.of(0, ImportColumn.NAME), ImportMode.ALL_OR_NOTHING, false, false)));
		assertThat(report.importedAccounts()).isEqualTo(1);
	}

	@Test
	void uploadsAndJobsBelongToTheUserWhoMadeThem() {
		DemoUsers.signIn(staff, "liuyang");
		ImportUpload upload = imports.upload("a.csv", new ByteArrayInputStream(ImportSheet.of("客户名称").row("x").csv()));
		DemoUsers.signIn(staff, "chenjing");
		assertThatThrownBy(() -> imports.progress("no-such-job")).isInstanceOf(
				io.keyaccount.platform.persistence.NotFoundException.class);
		assertThatThrownBy(() -> imports.upload(upload.id())).isInstanceOf(
				io.keyaccount.platform.persistence.NotFoundException.class);
	}

	private long accountsNamed(String prefix) {
		return jdbc.queryForObject("select count(*) from account where name like ? and deleted_at is null", Long.class,
				prefix + "%");
	}

	private ImportProgress awaitFinished(String jobId) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		ImportProgress progress = imports.progress(jobId);
		while (!progress.finished() && Instant.now().isBefore(deadline)) {
			sleep();
			progress = imports.progress(jobId);
		}
		assertThat(progress.finished()).as("import finished in time").isTrue();
		return progress;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
