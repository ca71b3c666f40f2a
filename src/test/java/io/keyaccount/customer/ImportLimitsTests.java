package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.ImportProgress.ImportState;
import io.keyaccount.platform.imports.ImportWorkers;
import io.keyaccount.support.CraftedSheets;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * Import files beyond the limits are refused at their first offending row, with a message that names the limit,
 * and a user or a company cannot run more imports at once than allowed.
 */
@KeyaccountTest
class ImportLimitsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerImports imports;

	@Autowired
	ImportWorkers workers;

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<CompletableFuture<Void>> holding = new ArrayList<>();

	@AfterEach
	void releaseAndSignOut() {
		release.countDown();
		holding.forEach(CompletableFuture::join);
		DemoUsers.signOut();
	}

	/** An import of the signed-in user that runs until the test ends. */
	private void holdAnImport() {
		holding.add(workers.submit(this::awaitRelease));
	}

	@Test
	void aSheetWhoseOneRowIsNumberedTwoBillionIsRefusedAtUploadNamingTheLimit() throws Exception {
		byte[] xlsx = CraftedSheets.withLastRowNumbered(
				ImportSheet.of("客户名称").row(ImportSheet.uniquePrefix() + "远方科技有限公司").xlsx(), 2_000_000_000L);

		mvc.perform(multipart("/customers/import").file(new MockMultipartFile("file", "远.xlsx", "application/octet-stream", xlsx))
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("文件的行数超出上限：一次最多导入 200,000 行数据")));
	}

	@Test
	void aFarRowAfterTheSampleRowsFailsTheCheckInEnglishToo() throws Exception {
		String prefix = ImportSheet.uniquePrefix();
		ImportSheet sheet = ImportSheet.of("客户名称");
		for (int i = 0; i < 8; i++) {
			sheet.row(prefix + ImportSheet.word(i) + "科技有限公司");
		}
		byte[] xlsx = CraftedSheets.withLastRowNumbered(sheet.xlsx(), 2_000_000_000L);

		mvc.perform(multipart("/api/v1/accounts/import").file(new MockMultipartFile("file", "far.xlsx", "application/octet-stream", xlsx))
			.param("dryRun", "true")
			.header("Accept-Language", "en")
			.with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("FAILED"))
			.andExpect(jsonPath("$.failureMessage").value(
					containsString("The file has more rows than allowed: at most 200,000 data rows per import")));
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedNamingRowColumnAndLimit() throws Exception {
		byte[] csv = ImportSheet.of("客户名称", "标签").row("长文本测试有限公司", "长".repeat(40_000)).csv();

		mvc.perform(multipart("/customers/import").file(new MockMultipartFile("file", "long.csv", "text/csv", csv))
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 2 行第 2 列的内容超过上限：一个单元格最多 32,767 个字符")));
	}

	@Test
	void aCsvOfTwoHundredThousandColumnsIsRefusedAtItsHeader() throws Exception {
		byte[] csv = CraftedSheets.csvOfColumns(200_000, "客户名称", "宽表测试有限公司");

		mvc.perform(multipart("/api/v1/accounts/import").file(new MockMultipartFile("file", "wide.csv", "text/csv", csv))
			.with(DemoUsers.as(staff, "liuyang")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("第 1 行有 200,000 列，超出上限：一个文件最多 200 列"));
	}

	@Test
	void aSecondImportOfTheSameUserIsRefusedWhileHisFirstRuns() throws Exception {
		DemoUsers.signIn(staff, "liuyang");
		ImportUpload upload = imports.upload("a.csv", new ByteArrayInputStream(
				ImportSheet.of("客户名称").row(ImportSheet.uniquePrefix() + "并发测试有限公司").csv()));
		holdAnImport();

		mvc.perform(post("/customers/import/" + upload.id() + "/jobs").param("columns", "NAME")
			.with(DemoUsers.as(staff, "liuyang"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您已有一个导入正在进行，请等它完成后再开始新的导入")));

		release.countDown();
		holding.forEach(CompletableFuture::join);
		DemoUsers.signIn(staff, "liuyang");
		String job = imports.start(upload.id(), new ImportOptions(null, ImportMode.ALL_OR_NOTHING, true, false));
		await().pollInSameThread().until(() -> imports.progress(job).finished());
		assertThat(imports.progress(job).state()).isEqualTo(ImportState.SUCCEEDED);
	}

	@Test
	void aCompanyRunsNoMoreImportsAtOnceThanAllowed() {
		List<String> others = List.of("chenjing", "zhaolei");
		for (String other : others) {
			DemoUsers.signIn(staff, other);
			holdAnImport();
		}
		DemoUsers.signIn(staff, "liuyang");

		assertThatThrownBy(() -> imports.importNow("b.csv",
				new ByteArrayInputStream(ImportSheet.of("客户名称").row(ImportSheet.uniquePrefix() + "并发测试有限公司").csv()),
				new ImportOptions(null, ImportMode.ALL_OR_NOTHING, true, false)))
			.hasMessageContaining("file.import.runningForCompany");
	}

	@Test
	void anImportThatBreaksOffGivesItsPlaceBack() {
		DemoUsers.signIn(staff, "liuyang");
		CompletableFuture<Void> broken = workers.submit(() -> {
			throw new IllegalStateException("the disk is full");
		});

		assertThat(broken).failsWithin(java.time.Duration.ofMinutes(1));
		String job = imports.start(imports.upload("c.csv", new ByteArrayInputStream(
				ImportSheet.of("客户名称").row(ImportSheet.uniquePrefix() + "并发测试有限公司").csv())).id(),
				new ImportOptions(null, ImportMode.ALL_OR_NOTHING, true, false));
		await().pollInSameThread().until(() -> imports.progress(job).finished());
		assertThat(imports.progress(job).state()).isEqualTo(ImportState.SUCCEEDED);
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
