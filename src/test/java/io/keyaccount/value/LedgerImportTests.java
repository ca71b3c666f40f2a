package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.AccountMerger;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.value.domain.LedgerImport;
import io.keyaccount.value.domain.LedgerImport.ImportReport;

/** Importing purchase history: matched rows recorded, unmatched and bad rows reported by row number. */
@KeyaccountTest
class LedgerImportTests {

	@Autowired
	LedgerImport importer;

	@Autowired
	AccountMerger merger;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
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

	@Test
	void matchedRowsAreRecordedAndTheRestReportedByRow() {
		DemoUsers.signIn(staff, "admin");
		String[] byCode = anAccount(20);
		String[] byName = anAccount(21);
		String csv = "客户名称,统一社会信用代码,日期,金额,毛利,单号\n"
				+ "随便写的名字," + byCode[1] + ",2025-03-01,\"12,000.00\",3600,IMP-A-1\n"
				+ byName[0] + ",,2025/3/2,¥5000,,IMP-A-2\n"
				+ byName[0] + ",,2025-03-05,-1000,-300,IMP-A-3\n"
				+ "不存在的公司,,2025-03-03,100,,IMP-A-4\n"
				+ byName[0] + ",,2025-13-01,100,,IMP-A-5\n"
				+ byName[0] + ",,2025-03-04,一百,,IMP-A-6\n";

		ImportReport report = importer.importFile("history.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(report.imported()).isEqualTo(3);
		assertThat(report.problems()).extracting(p -> p.row() + ":" + p.messageKey())
			.containsExactly("5:value.import.noAccount", "6:value.import.badDate", "7:value.import.badAmount");
		assertThat(importedRows("IMP-A-")).isEqualTo(3);
		assertThat(jdbc.queryForObject("select sum(amount) from value_transaction where reference like 'IMP-A-%'",
				java.math.BigDecimal.class)).isEqualByComparingTo("16000");
	}

	@Test
	void anExcelFileSavedInChinaImportsToo() throws Exception {
		DemoUsers.signIn(staff, "admin");
		String[] account = anAccount(22);
		var out = new ByteArrayOutputStream();
		FastExcel.write(out)
			.head(List.of(List.of("统一社会信用代码"), List.of("日期"), List.of("金额"), List.of("单号")))
			.sheet("台账")
			.doWrite(List.of(List.of(account[1], "2024-05-06", "8800", "IMP-X-1"),
					List.of("91330100XXXXXXXXXX", "2024-05-07", "100", "IMP-X-2")));

		ImportReport report = importer.importFile("台账.xlsx", out.toByteArray());

		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(3));
	}

	@Test
	void theImportPageReportsWhatWasLeftOut() throws Exception {
		String[] account = anAccount(23);
		String csv = "客户名称,日期,金额\n" + account[0] + ",2024-01-02,300\n没有这家,2024-01-02,300\n";
		mvc.perform(multipart("/value/ledger/import")
			.file(new MockMultipartFile("file", "gbk.csv", "text/csv", csv.getBytes(Charset.forName("GB18030"))))
			.with(DemoUsers.as(staff, "admin"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已导入 1 行，1 行未导入")))
			.andExpect(content().string(containsString("找不到对应的客户")));
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

}
