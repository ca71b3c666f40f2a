package io.keyaccount.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.value.domain.CompanySize;
import io.keyaccount.value.domain.ResourceClass;
import io.keyaccount.value.domain.Run;
import io.keyaccount.value.domain.Runs;
import io.keyaccount.value.domain.ScoreQuery;
import io.keyaccount.value.domain.ScoreRow;
import io.keyaccount.value.domain.ValueReports;
import io.keyaccount.value.domain.ValueReports.ClassCount;

/**
 * What the value pages lead to: the dashboard charts' drill-down lists, the page size beside the company-size
 * filter, the change report's dates, the value weights and the ranking export.
 */
@KeyaccountTest
class ValueDrillDownTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	ValueReports reports;

	@Autowired
	Runs runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	io.keyaccount.value.domain.ValueSettingsStore settingsStore;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	// ---- item 20: ?size is the page size, ?companySize the filter

	@Test
	void thePageSizeOfTheValueListIsChosenWithSize() throws Exception {
		MvcResult result = mvc.perform(get("/value/accounts").param("size", "50").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn();
		Page<?> rows = (Page<?>) result.getModelAndView().getModel().get("rows");
		assertThat(rows.getSize()).isEqualTo(50);
		assertThat(rows.getContent()).hasSize(50);
		assertThat(result.getResponse().getContentAsString()).contains("共 " + rows.getTotalElements() + " 条");
	}

	@Test
	void theCompanySizeFilterAndThePageSizeWorkTogether() throws Exception {
		MvcResult result = mvc
			.perform(get("/value/accounts").param("companySize", "SMALL")
				.param("size", "10")
				.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"SMALL\" selected=\"selected\">小型企业</option>")))
			.andReturn();
		@SuppressWarnings("unchecked")
		Page<ScoreRow> rows = (Page<ScoreRow>) result.getModelAndView().getModel().get("rows");
		assertThat(rows.getSize()).isEqualTo(10);
		assertThat(rows.getContent()).isNotEmpty().allSatisfy(r -> assertThat(r.size()).isEqualTo(CompanySize.SMALL));
	}

	@Test
	void anOldLinkWithTheCompanySizeInSizeStillFilters() throws Exception {
		mvc.perform(get("/value/accounts?size=MEDIUM&tier=A").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("http://localhost/value/accounts?tier=A&companySize=MEDIUM"));
	}

	// ---- item 22: the charts' drill-down lists

	@Test
	void theDashboardChartsCarryTheFiltersTheirClicksOpen() throws Exception {
		DemoUsers.signIn(staff, "admin");
		String asOf = String.join(",", reports.classTrend(12).stream().map(c -> c.asOf().toString()).toList());
		mvc.perform(get("/value/dashboard?industry=MANUFACTURING").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-tiers=\"A,B,C,D\"")))
			.andExpect(content().string(containsString("data-filters=\"industry=MANUFACTURING\"")))
			.andExpect(content().string(containsString("data-as-of=\"" + asOf + "\"")))
			.andExpect(content().string(containsString(
					"data-classes=\"POTENTIAL,ONE_TIME,RETURNING,LOYAL,AT_RISK,LOST\"")))
			.andExpect(content().string(containsString("data-list-url=\"/value/accounts\"")))
			.andExpect(content().string(containsString("/js/value-charts.js")));
		mvc.perform(get("/js/value-charts.js")).andExpect(status().isOk());
	}

	@Test
	void aPointOfTheParetoCurveListsTheBestShareOfTheBuyers() throws Exception {
		DemoUsers.signIn(staff, "admin");
		List<BigDecimal> margins = reports
			.accounts(ScoreQuery.all(), PageRequest.of(0, 100_000, org.springframework.data.domain.Sort.by(
					org.springframework.data.domain.Sort.Direction.DESC, "current")))
			.getContent()
			.stream()
			.map(ScoreRow::current)
			.filter(m -> m.signum() > 0)
			.toList();
		int counted = (int) Math.round(margins.size() * 0.2);
		BigDecimal cut = margins.get(counted - 1);

		List<ScoreRow> top = reports.accounts(drillDown(20, null, null), PageRequest.of(0, 100_000)).getContent();

		assertThat(top).hasSize((int) margins.stream().filter(m -> m.compareTo(cut) >= 0).count());
		assertThat(top.size()).isBetween(counted, counted + 2);
		assertThat(top).allSatisfy(r -> assertThat(r.current()).isGreaterThanOrEqualTo(cut));
		mvc.perform(get("/value/accounts").param("topShare", "20").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("按当前价值排名前 20% 的客户")))
			.andExpect(content().string(containsString("name=\"topShare\" value=\"20\"")));
	}

	@Test
	void aStackedBarOfTheClassTrendListsThatMonthsAccountsOfTheClass() throws Exception {
		DemoUsers.signIn(staff, "admin");
		List<ClassCount> trend = reports.classTrend(12);
		ClassCount month = trend.get(trend.size() / 2);
		Run run = runs.currentOn(month.asOf()).orElseThrow();
		assertThat(run.id()).isNotEqualTo(runs.current().orElseThrow().id());

		Page<ScoreRow> loyal = reports.accounts(drillDown(null, ResourceClass.LOYAL, month.asOf()), PageRequest.of(0, 10));

		assertThat(loyal.getTotalElements()).isEqualTo(month.counts().getOrDefault(ResourceClass.LOYAL, 0L)).isPositive();
		mvc.perform(get("/value/accounts").param("resourceClass", "LOYAL")
			.param("asOf", month.asOf().toString())
			.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(month.asOf() + " 的评分")))
			.andExpect(content().string(containsString("共 " + loyal.getTotalElements() + " 条")));
	}

	private static ScoreQuery drillDown(Integer topShare, ResourceClass resourceClass, LocalDate asOf) {
		return new ScoreQuery(null, null, resourceClass, null, null, null, null, null, topShare, asOf);
	}

	// ---- item 22: the change report's dates

	@Test
	void aChangeReportWithTheDatesTheWrongWayRoundSwapsThemAndSaysSo() throws Exception {
		LocalDate today = LocalDate.now();
		mvc.perform(get("/value/changes").param("from", today.minusDays(10).toString())
			.param("to", today.minusMonths(6).toString())
			.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开始日期晚于结束日期，已对调为 " + today.minusMonths(6) + " 至 "
					+ today.minusDays(10))))
			.andExpect(content().string(containsString("value=\"" + today.minusMonths(6) + "\"")));
	}

	@Test
	void aChangeReportUpToAFutureDateComparesWithTodayAndSaysSo() throws Exception {
		LocalDate today = LocalDate.now();
		mvc.perform(get("/value/changes").param("from", today.minusMonths(3).toString())
			.param("to", today.plusYears(1).toString())
			.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("结束日期不能晚于今天，已按今天（" + today + "）对比")))
			.andExpect(content().string(containsString("id=\"to\" name=\"to\" value=\"" + today + "\"")));
		mvc.perform(get("/value/changes").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("change-notices"))));
	}

	// ---- item 22: value weights

	@Test
	void weightsThatDoNotAddUpTo100AreRefusedAndTheFormKeepsThem() throws Exception {
		DemoUsers.signIn(staff, "admin");
		var before = settingsStore.versioned();
		long version = before.version();
		MvcResult refused = mvc.perform(post("/value/settings").with(csrf())
			.with(DemoUsers.as(staff, "admin"))
			.param("version", String.valueOf(version))
			.params(settings(10, 30, 30, 20)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		FlashMap flash = refused.getFlashMap();
		assertThat(settingsStore.versioned()).isEqualTo(before);

		mvc.perform(get("/value/settings").flashAttrs(flash).with(DemoUsers.as(staff, "admin")))
			.andExpect(content().string(containsString("四项权重之和须为 100，现为 90")))
			.andExpect(content().string(containsString("id=\"weightHistorical\" name=\"weightHistorical\" value=\"10\"")));
	}

	private static org.springframework.util.MultiValueMap<String, String> settings(int historical, int current,
			int future, int potential) {
		var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
		var d = io.keyaccount.value.domain.ValueSettings.defaults();
		params.add("weightHistorical", String.valueOf(historical));
		params.add("weightCurrent", String.valueOf(current));
		params.add("weightFuture", String.valueOf(future));
		params.add("weightPotential", String.valueOf(potential));
		params.add("defaultMarginRate", String.valueOf(d.defaultMarginRate()));
		params.add("currentWindowMonths", String.valueOf(d.currentWindowMonths()));
		params.add("horizonMonths", String.valueOf(d.horizonMonths()));
		params.add("discountRate", String.valueOf(d.discountRate()));
		params.add("tierAMin", String.valueOf(d.tierAMin()));
		params.add("tierBMin", String.valueOf(d.tierBMin()));
		params.add("tierCMin", String.valueOf(d.tierCMin()));
		params.add("loyalMinAlive", String.valueOf(d.loyalMinAlive()));
		params.add("loyalRecentQuarters", String.valueOf(d.loyalRecentQuarters()));
		params.add("riskBelowAlive", String.valueOf(d.riskBelowAlive()));
		params.add("lostBelowAlive", String.valueOf(d.lostBelowAlive()));
		params.add("riskAfterDays", String.valueOf(d.riskAfterDays()));
		params.add("lostAfterDays", String.valueOf(d.lostAfterDays()));
		return params;
	}

	// ---- item 22: the ranking export

	@Test
	void theRankingExportHasAChineseFileNameTierLabelsRoundedFiguresAndTheOwner() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/value/accounts/export").param("tier", "A").with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String disposition = response.getHeader("Content-Disposition");
		assertThat(disposition).contains("filename*=UTF-8''");
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
			.isEqualTo("客户价值排名-" + LocalDate.now() + ".xlsx");

		List<List<String>> sheet = read(response.getContentAsByteArray());
		List<String> header = sheet.get(0);
		assertThat(header).startsWith("客户", "负责人", "价值评分", "价值等级");
		List<String> first = sheet.get(1);
		String owner = jdbc.queryForObject("select u.display_name from account a join app_user u on u.id = a.owner_user_id"
				+ " where a.name = ?", String.class, first.get(0));
		assertThat(first.get(1)).isEqualTo(owner);
		assertThat(first.get(2)).matches("\\d+(\\.\\d)?");
		assertThat(first.get(3)).isEqualTo("A类");
		int current = header.indexOf("当前价值");
		assertThat(sheet.subList(1, sheet.size())).allSatisfy(row -> {
			assertThat(row.get(3)).isEqualTo("A类");
			assertThat(row.get(current)).matches("-?\\d+(\\.\\d{1,2})?");
		});
	}

	private static List<List<String>> read(byte[] xlsx) {
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(0).doReadSync();
		List<List<String>> result = new ArrayList<>();
		for (Map<Integer, String> row : rows) {
			int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < width; i++) {
				cells.add(row.get(i) == null ? "" : row.get(i));
			}
			result.add(cells);
		}
		return result;
	}

}
