package io.keyaccount.customer.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of Chinese names, so that typing {@code zgyh} or {@code zhongguo} finds 中国银行.
 * <p>
 * pinyin4j lists every reading of a polyphonic character, most common first — but "first" is wrong for names
 * often enough (长沙 is not zhangsha, 厦门 is not shamen, 银行 is not yinxing). So words common in company and
 * place names take their reading from {@link #PHRASES}; a few characters get a better order or lose readings that
 * never occur in names ({@link #CHARACTERS}); the other polyphonic characters keep all their readings, and
 * {@link #readings} returns every combination up to a bound, so an unusual reading is still found. Letters and
 * digits pass through, one unit each.
 */
public final class PinyinNames {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	/** Words whose reading differs from the first reading of their characters (or whose characters vary). */
	private static final Map<String, String[]> PHRASES = new HashMap<>();

	/** Characters whose readings, in this order, replace pinyin4j's. */
	private static final Map<Character, String[]> CHARACTERS = new HashMap<>();

	private static final int LONGEST_PHRASE = 3;

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
		phrases("银行 yin hang", "商行 shang hang", "车行 che hang", "琴行 qin hang", "分行 fen hang", "支行 zhi hang",
				"总行 zong hang", "投行 tou hang", "同行 tong hang", "行业 hang ye", "行情 hang qing", "行长 hang zhang",
				"排行 pai hang", "发行 fa xing", "重庆 chong qing", "重阳 chong yang", "重组 chong zu", "重建 chong jian",
				"重工 zhong gong", "重型 zhong xing", "重点 zhong dian", "长沙 chang sha", "长春 chang chun",
				"长江 chang jiang", "长城 chang cheng", "长安 chang an", "长治 chang zhi", "董事长 dong shi zhang",
				"厂长 chang zhang", "校长 xiao zhang", "院长 yuan zhang", "部长 bu zhang", "市长 shi zhang",
				"局长 ju zhang", "处长 chu zhang", "科长 ke zhang", "所长 suo zhang", "组长 zu zhang", "会长 hui zhang",
				"社长 she zhang", "队长 dui zhang", "家长 jia zhang", "成长 cheng zhang", "增长 zeng zhang",
				"生长 sheng zhang", "长大 zhang da", "厦门 xia men", "大厦 da sha", "广厦 guang sha", "蚌埠 beng bu",
				"音乐 yin yue", "乐器 yue qi", "乐团 yue tuan", "乐队 yue dui", "乐清 yue qing", "乐山 le shan",
				"快乐 kuai le", "乐亭 lao ting", "会计 kuai ji", "成都 cheng du", "首都 shou du", "六安 lu an",
				"丽水 li shui", "丽江 li jiang", "西藏 xi zang", "宝藏 bao zang", "空调 kong tiao", "调研 diao yan",
				"调度 diao du", "朝阳 chao yang", "朝鲜 chao xian", "单县 shan xian", "番禺 pan yu", "铅山 yan shan",
				"台州 tai zhou", "东莞 dong guan", "亳州 bo zhou", "涡阳 guo yang", "洪洞 hong tong", "曲靖 qu jing",
				"曲阜 qu fu", "莘县 shen xian", "黄埔 huang pu", "大埔 da bu", "供应 gong ying", "供电 gong dian",
				"供水 gong shui", "供热 gong re", "提供 ti gong", "数据 shu ju", "数字 shu zi", "数码 shu ma",
				"传媒 chuan mei", "传感 chuan gan", "传输 chuan shu", "还款 huan kuan", "角色 jue se", "便宜 pian yi",
				"大夫 dai fu", "尉迟 yu chi", "万俟 mo qi", "长孙 zhang sun", "单于 chan yu", "解放 jie fang");
		characters("长 chang zhang", "厦 xia sha", "都 du dou", "曾 zeng ceng", "覃 qin tan", "朴 piao pu",
				"仇 qiu chou", "翟 zhai di", "查 cha zha", "区 qu ou", "解 jie xie", "单 dan shan", "盛 sheng cheng",
				"广 guang", "信 xin", "南 nan", "络 luo", "大 da", "波 bo", "术 shu", "拓 tuo", "车 che", "尾 wei",
				"娜 na", "数 shu", "地 di", "得 de", "的 de", "便 bian", "系 xi", "氏 shi", "强 qiang", "和 he",
				"六 liu", "莘 xin", "番 fan", "铅 qian", "莞 guan", "埔 pu", "涡 wo", "角 jiao", "传 chuan", "华 hua",
				"中 zhong", "女 nv", "省 sheng", "色 se", "参 can", "仔 zai zi", "石 shi", "会 hui kuai");
	}

	private PinyinNames() {
	}

	private static void phrases(String... entries) {
		for (String entry : entries) {
			String[] parts = entry.split(" ");
			PHRASES.put(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
		}
	}

	private static void characters(String... entries) {
		for (String entry : entries) {
			String[] parts = entry.split(" ");
			CHARACTERS.put(parts[0].charAt(0), Arrays.copyOfRange(parts, 1, parts.length));
		}
	}

	/** Full pinyin in the most likely reading, without separators: 长沙银行 → changshayinhang. */
	public static String full(String text) {
		return text == null ? null : String.join("", best(text));
	}

	/** Pinyin initials in the most likely reading: 中国银行 → zgyh. */
	public static String initials(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder result = new StringBuilder();
		best(text).forEach(syllable -> result.append(syllable.charAt(0)));
		return result.toString();
	}

	/** The syllables of the most likely reading, one per character (a letter or digit is its own syllable). */
	public static List<String> best(String text) {
		List<String> result = new ArrayList<>();
		units(text).forEach(unit -> result.add(unit.readings()[0]));
		return result;
	}

	/**
	 * Every reading of the text as syllables, the most likely first, at most {@code limit} of them: characters
	 * towards the end of a long name fall back to their most likely reading first.
	 * <p>
	 * The count is bounded as it is built, never computed whole: 64 characters of two readings each are 2^64
	 * combinations, which a {@code long} cannot hold (it wrapped to 0 and the expansion ran out of memory). Each
	 * character keeps its readings while the combinations so far stay within the limit; from the first one that
	 * would exceed it, every later character keeps only its most likely reading.
	 */
	public static List<List<String>> readings(String text, int limit) {
		List<Unit> units = units(text);
		int[] choices = new int[units.size()];
		long combinations = 1;
		boolean capped = false;
		for (int i = 0; i < choices.length; i++) {
			int readings = units.get(i).readings().length;
			// combinations <= limit <= Integer.MAX_VALUE, so the product fits a long
			capped = capped || combinations * readings > Math.max(limit, 1);
			choices[i] = capped ? 1 : readings;
			combinations *= choices[i];
		}
		List<List<String>> result = new ArrayList<>();
		collect(units, choices, 0, new String[units.size()], result);
		return result;
	}

	private static void collect(List<Unit> units, int[] choices, int index, String[] current, List<List<String>> out) {
		if (index == units.size()) {
			out.add(List.of(current.clone()));
			return;
		}
		for (int i = 0; i < choices[index]; i++) {
			current[index] = units.get(index).readings()[i];
			collect(units, choices, index + 1, current, out);
		}
	}

	/**
	 * The text as units that have a pinyin: Chinese characters (with their readings) and single letters or digits.
	 * A unit {@code startsWord} when it is a Chinese character or the first of a run of letters and digits.
	 */
	public static List<Unit> units(String text) {
		List<Unit> units = new ArrayList<>();
		if (text == null) {
			return units;
		}
		text = Normalizer.normalize(text, Normalizer.Form.NFKC);
		boolean previousWasLatin = false;
		int i = 0;
		while (i < text.length()) {
			String[] phrase = phraseAt(text, i);
			if (phrase != null) {
				for (String syllable : phrase) {
					units.add(new Unit(text.charAt(i++), new String[] { syllable }, true));
				}
				previousWasLatin = false;
				continue;
			}
			char c = text.charAt(i++);
			String[] readings = readingsOf(c);
			if (readings.length > 0) {
				units.add(new Unit(c, readings, true));
				previousWasLatin = false;
			}
			else if (Character.isLetterOrDigit(c) && c < 0x3000) {
				String latin = String.valueOf(c).toLowerCase(Locale.ROOT);
				units.add(new Unit(c, new String[] { latin }, !previousWasLatin));
				previousWasLatin = true;
			}
			else {
				previousWasLatin = false;
			}
		}
		return units;
	}

	private static String[] phraseAt(String text, int start) {
		for (int length = Math.min(LONGEST_PHRASE, text.length() - start); length >= 2; length--) {
			String[] phrase = PHRASES.get(text.substring(start, start + length));
			if (phrase != null) {
				return phrase;
			}
		}
		return null;
	}

	/** Readings by character, as pinyin4j's lookup and clean-up cost microseconds a character. Never modified. */
	private static final Map<Character, String[]> READINGS = new ConcurrentHashMap<>();

	private static String[] readingsOf(char c) {
		String[] preferred = CHARACTERS.get(c);
		if (preferred != null) {
			return preferred;
		}
		return READINGS.computeIfAbsent(c, PinyinNames::lookUp);
	}

	private static String[] lookUp(char c) {
		try {
			String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (all == null) {
				return new String[0];
			}
			Set<String> distinct = new LinkedHashSet<>();
			for (String reading : all) {
				// pinyin4j writes readings it cannot render without tone marks with a trailing digit or "u:".
				String clean = reading.replaceAll("[^a-z]", "");
				if (!clean.isEmpty()) {
					distinct.add(clean);
				}
			}
			return distinct.toArray(String[]::new);
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One character of a name with its possible readings, the most likely first. */
	public record Unit(char character, String[] readings, boolean startsWord) {
	}

}
