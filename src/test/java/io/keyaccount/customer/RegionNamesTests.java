package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.keyaccount.customer.domain.Regions;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** Provinces and cities in the reader's language: GB/T 2260 names in Chinese, pinyin or English names in English. */
@KeyaccountTest
class RegionNamesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	private final Regions regions = new Regions();

	@Test
	void provincesAndCitiesHaveEnglishNamesWithoutTheirChineseSuffixes() {
		assertThat(regions.name("330000", Locale.ENGLISH)).isEqualTo("Zhejiang");
		assertThat(regions.name("330100", Locale.ENGLISH)).isEqualTo("Hangzhou");
		assertThat(regions.name("150000", Locale.ENGLISH)).isEqualTo("Inner Mongolia");
		assertThat(regions.name("540000", Locale.ENGLISH)).isEqualTo("Tibet");
		assertThat(regions.name("610000", Locale.ENGLISH)).isEqualTo("Shaanxi");
		assertThat(regions.name("140000", Locale.ENGLISH)).isEqualTo("Shanxi");
		assertThat(regions.name("500000", Locale.ENGLISH)).isEqualTo("Chongqing");
		assertThat(regions.name("610100", Locale.ENGLISH)).isEqualTo("Xi'an");
		assertThat(regions.name("350200", Locale.ENGLISH)).isEqualTo("Xiamen");
		assertThat(regions.name("330000", Locale.SIMPLIFIED_CHINESE)).isEqualTo("浙江省");
	}

	@Test
	void everyRegionHasAnEnglishName() {
		List<String> untranslated = new ArrayList<>();
		for (Regions.Region province : regions.provinces()) {
			List<Regions.Region> all = new ArrayList<>(regions.citiesOf(province.code()));
			all.add(province);
			all.stream()
				.filter(r -> !r.label(Locale.ENGLISH).matches("[A-Za-zü' ()-]+"))
				.forEach(r -> untranslated.add(r.code() + " " + r.name() + " → " + r.label(Locale.ENGLISH)));
		}
		assertThat(untranslated).isEmpty();
	}

	@Test
	void theEnglishAccountListShowsEnglishPlaceNames() throws Exception {
		mvc.perform(get("/customers/accounts").param("provinceCode", "330000")
			.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH)
			.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"330000\" selected=\"selected\">Zhejiang</option>")))
			.andExpect(content().string(containsString(">Hangzhou</td>")))
			.andExpect(content().string(not(containsString("浙江省"))));
	}

}
