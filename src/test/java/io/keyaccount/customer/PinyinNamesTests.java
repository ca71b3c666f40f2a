package io.keyaccount.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.keyaccount.customer.domain.PinyinNames;
import io.keyaccount.customer.search.SearchTerms;

/** Pinyin of names, polyphonic characters included, and the prefixes the search index keeps of them. */
class PinyinNamesTests {

	@Test
	void wordsCommonInCompanyAndPlaceNamesTakeTheirRealReading() {
		assertThat(PinyinNames.initials("中国银行")).isEqualTo("zgyh");
		assertThat(PinyinNames.full("中国银行")).isEqualTo("zhongguoyinhang");
		assertThat(PinyinNames.full("重庆")).isEqualTo("chongqing");
		assertThat(PinyinNames.full("长沙")).isEqualTo("changsha");
		assertThat(PinyinNames.full("长春")).isEqualTo("changchun");
		assertThat(PinyinNames.full("厦门")).isEqualTo("xiamen");
		assertThat(PinyinNames.full("蚌埠")).isEqualTo("bengbu");
		assertThat(PinyinNames.full("音乐行业")).isEqualTo("yinyuehangye");
		assertThat(PinyinNames.initials("重型机械")).isEqualTo("zxjx");
	}

	@Test
	void lettersAndDigitsPassThroughLowerCased() {
		assertThat(PinyinNames.full("ABB（中国）")).isEqualTo("abbzhongguo");
		assertThat(PinyinNames.initials("3M中国")).isEqualTo("3mzg");
	}

	@Test
	void otherPolyphonicCharactersKeepEveryReadingUpToABound() {
		assertThat(PinyinNames.readings("曾乐", 16)).contains(java.util.List.of("zeng", "le"),
				java.util.List.of("ceng", "yue"));
		assertThat(PinyinNames.readings("行行行行行行", 16)).hasSizeLessThanOrEqualTo(16);
	}

	@Test
	void aLongNameOfPolyphonicCharactersIsCappedBeforeItsCombinationsAreCounted() {
		// 2^64 readings wrapped the count to 0, which passed the cap: the expansion then ran out of memory
		assertThat(PinyinNames.readings("长".repeat(64), 16)).hasSizeBetween(1, 16);
		assertThat(PinyinNames.readings("长".repeat(200), 16)).hasSizeBetween(1, 16)
			.allSatisfy(reading -> assertThat(reading).hasSize(200));
		assertThat(PinyinNames.readings("行".repeat(40) + "长".repeat(63), 16)).hasSizeBetween(1, 16);
		// every polyphonic character of pinyin4j's, many readings each, and a name of them all
		String manyReadings = "着了还会差参说给重和行";
		assertThat(PinyinNames.readings(manyReadings.repeat(18), 16)).hasSizeBetween(1, 16);
		assertThat(PinyinNames.readings(manyReadings.repeat(18), 1)).hasSize(1);
	}

	@Test
	void searchTermsOfAnAdversarialNameStayFew() {
		assertThat(SearchTerms.companyPinyin("长".repeat(64) + "有限公司")).hasSizeLessThanOrEqualTo(16 * 12 * 2);
		assertThat(SearchTerms.personPinyin("长".repeat(100))).hasSizeLessThanOrEqualTo(16 * 12 * 2);
	}

	@Test
	void aCompanyNameIsFoundFromItsStartAndFromEveryWordBeforeTheLegalForm() {
		var grams = prefixes(SearchTerms.companyPinyin("杭州明华科技有限公司"));
		assertThat(grams).contains("hzmh", "hzmhkjyxgs", "hangzhou", "hangzhouminghua", "mh", "minghua", "kj", "keji");
		assertThat(grams).doesNotContain("yxgs", "youxian");
		assertThat(prefixes(SearchTerms.companyPinyin("中国银行股份有限公司"))).contains("zgyh", "yinhang")
			.doesNotContain("zgyx");
	}

	@Test
	void aPersonIsFoundByEveryReadingOfAnAmbiguousSurname() {
		assertThat(prefixes(SearchTerms.personPinyin("曾建华"))).contains("zjh", "cjh", "zengjianhua", "jianhua", "jh");
	}

	/** What the index makes of pinyin runs: every prefix of each (the pinyin fields' analyser). */
	private static java.util.Set<String> prefixes(java.util.Set<String> runs) {
		java.util.Set<String> prefixes = new java.util.HashSet<>();
		runs.forEach(run -> {
			for (int end = 1; end <= run.length(); end++) {
				prefixes.add(run.substring(0, end));
			}
		});
		return prefixes;
	}

	@Test
	void numbersAreFoundByPrefixWithoutAreaOrCountryCodeAndByTheirLastFourDigits() {
		assertThat(SearchTerms.numberPrefixes("0571-88886666")).contains("057", "0571888", "888", "88886666", "6666");
		assertThat(SearchTerms.numberPrefixes("+86 139 1234 5678")).contains("139", "1391234", "13912345678", "5678");
		// prefixes longer than eight characters are found by a prefix query on the whole number instead
		assertThat(SearchTerms.numberPrefixes("0571-88886666")).contains("05718888", "057188886666")
			.doesNotContain("057188886");
		assertThat(SearchTerms.emailPrefixes("Qian@Huzhou-Example.cn")).contains("qi", "qian@huz", "qian@huzhou-example.cn",
				"hu", "huzhou-e", "huzhou-example.cn")
			.doesNotContain("qian@huzh", "huzhou-ex");
		assertThat(SearchTerms.numberPrefixes("12")).isEmpty();
	}

	@Test
	void aKeywordIsCutIntoTermsOnSpacesAndPunctuation() {
		assertThat(SearchTerms.parse(" 华达  ZGYH，138 ")).extracting(SearchTerms.Term::text)
			.containsExactly("华达", "zgyh", "138");
		assertThat(SearchTerms.parse("！！")).isEmpty();
	}

}
