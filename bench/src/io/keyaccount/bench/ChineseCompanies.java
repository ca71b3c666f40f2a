package io.keyaccount.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.keyaccount.platform.validation.ChineseIdentifiers;

/**
 * Our own generator of realistic Chinese company and person names: city + brand + trade + legal suffix
 * (杭州明华科技有限公司), cities from the app's GB/T 2260 list weighted by how many companies a city has,
 * credit codes with a valid GB 32100 check character, valid mainland mobiles.
 */
final class ChineseCompanies {

	record City(String code, String provinceCode, String provinceName, String name, double weight) {
	}

	record Trade(String words, String industry) {
	}

	/** Relative number of companies; every other prefecture-level city gets {@link #SMALL_CITY}. */
	private static final Map<String, Double> CITY_WEIGHTS = Map.ofEntries(Map.entry("上海", 6.0),
			Map.entry("北京", 5.0), Map.entry("深圳", 5.0), Map.entry("广州", 4.0), Map.entry("杭州", 4.0),
			Map.entry("苏州", 3.5), Map.entry("成都", 3.0), Map.entry("重庆", 3.0), Map.entry("武汉", 2.5),
			Map.entry("南京", 2.5), Map.entry("天津", 2.0), Map.entry("宁波", 2.0), Map.entry("东莞", 2.0),
			Map.entry("佛山", 2.0), Map.entry("青岛", 1.8), Map.entry("西安", 1.8), Map.entry("长沙", 1.8),
			Map.entry("郑州", 1.8), Map.entry("合肥", 1.5), Map.entry("无锡", 1.5), Map.entry("厦门", 1.3),
			Map.entry("福州", 1.3), Map.entry("济南", 1.3), Map.entry("温州", 1.3), Map.entry("金华", 1.2),
			Map.entry("常州", 1.2), Map.entry("嘉兴", 1.0), Map.entry("绍兴", 1.0), Map.entry("台州", 1.0),
			Map.entry("泉州", 1.0), Map.entry("南通", 1.0), Map.entry("沈阳", 1.0), Map.entry("大连", 1.0),
			Map.entry("昆明", 0.9), Map.entry("南昌", 0.9), Map.entry("石家庄", 0.9), Map.entry("哈尔滨", 0.8),
			Map.entry("长春", 0.8), Map.entry("贵阳", 0.8), Map.entry("南宁", 0.8), Map.entry("太原", 0.7),
			Map.entry("中山", 0.8), Map.entry("珠海", 0.7), Map.entry("惠州", 0.7), Map.entry("徐州", 0.7),
			Map.entry("烟台", 0.7), Map.entry("潍坊", 0.6), Map.entry("扬州", 0.6), Map.entry("湖州", 0.6));

	private static final double SMALL_CITY = 0.12;

	/** Two characters of these make a brand (字号): 明华, 华达, 信远 ... */
	private static final String BRAND_CHARS = "明华达信远恒通博联中瑞天启汇智东方金桥星辰海纳锐捷永泰正宏图新拓广同创安润长风凯越德普鼎盛光银河晨曦"
			+ "佳源宇航嘉禾美盈丰茂昌隆兴旺富康乐和顺祥云飞腾龙凤鹏程万峰山川力行诚易欣悦卓越元亨利贞诺亚科迅维尚品致远清泉";

	private static final Trade[] TRADES = { new Trade("科技", "IT"), new Trade("网络科技", "IT"),
			new Trade("信息技术", "IT"), new Trade("软件", "IT"), new Trade("数据科技", "IT"), new Trade("智能科技", "IT"),
			new Trade("电子科技", "IT"), new Trade("系统集成", "IT"), new Trade("通信技术", "TELECOM"),
			new Trade("通信工程", "TELECOM"), new Trade("光电科技", "TELECOM"), new Trade("机械制造", "MANUFACTURING"),
			new Trade("精密机械", "MANUFACTURING"), new Trade("智能装备", "MANUFACTURING"),
			new Trade("汽车零部件", "MANUFACTURING"), new Trade("新材料", "MANUFACTURING"),
			new Trade("五金制品", "MANUFACTURING"), new Trade("电气", "MANUFACTURING"), new Trade("仪器仪表", "MANUFACTURING"),
			new Trade("包装材料", "MANUFACTURING"), new Trade("纺织", "MANUFACTURING"), new Trade("家具", "MANUFACTURING"),
			new Trade("化工", "MANUFACTURING"), new Trade("新能源", "ENERGY"), new Trade("电力工程", "ENERGY"),
			new Trade("光伏科技", "ENERGY"), new Trade("物流", "TRANSPORT"), new Trade("供应链管理", "TRANSPORT"),
			new Trade("货运代理", "TRANSPORT"), new Trade("投资管理", "FINANCE"), new Trade("融资租赁", "FINANCE"),
			new Trade("教育科技", "EDUCATION"), new Trade("培训", "EDUCATION"), new Trade("生物医药", "HEALTHCARE"),
			new Trade("医疗器械", "HEALTHCARE"), new Trade("健康管理", "HEALTHCARE"), new Trade("商贸", "RETAIL"),
			new Trade("贸易", "RETAIL"), new Trade("食品", "RETAIL"), new Trade("服饰", "RETAIL"),
			new Trade("建筑工程", "CONSTRUCTION"), new Trade("建设", "CONSTRUCTION"), new Trade("装饰工程", "CONSTRUCTION"),
			new Trade("环保科技", "OTHER"), new Trade("文化传媒", "OTHER"), new Trade("实业", "OTHER"),
			new Trade("农业科技", "OTHER"), new Trade("咨询服务", "OTHER") };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
			"潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚", "卢", "钟", "姜", "崔",
			"谭", "陆", "范", "汪", "廖", "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江",
			"尹", "薛", "闫", "段", "雷", "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵", "万", "覃", "武", "钱", "戴",
			"严", "欧阳", "上官", "司马" };

	private static final String GIVEN_CHARS = "伟芳娜敏静强磊军洋勇艳杰涛明超秀英华慧建志海燕晓东丽平刚桂兰玉萍红霞鹏辉玲婷雪飞波宇浩"
			+ "欣怡子轩思雨佳琪梓涵俊杰文博晨阳雅婷嘉欣天佑立新春梅国庆小龙家豪";

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "171", "173", "175", "176",
			"177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199" };

	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private final List<City> cities = new ArrayList<>();

	private final double[] cumulative;

	ChineseCompanies() {
		Map<String, String> provinces = new java.util.HashMap<>();
		List<String[]> prefectures = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				ChineseCompanies.class.getClassLoader().getResourceAsStream("customer/regions.csv"),
				StandardCharsets.UTF_8))) {
			reader.lines().filter(l -> !l.startsWith("#") && !l.startsWith("code,")).forEach(line -> {
				String[] p = line.split(",", -1);
				if (p[2].isEmpty()) {
					provinces.put(p[0], p[1]);
				}
				else if (p[1].endsWith("市") && !p[1].endsWith("县")) {
					prefectures.add(p);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String[] p : prefectures) {
			String name = p[1].substring(0, p[1].length() - 1);
			cities.add(new City(p[0], p[2], provinces.get(p[2]), name, CITY_WEIGHTS.getOrDefault(name, SMALL_CITY)));
		}
		cumulative = new double[cities.size()];
		double sum = 0;
		for (int i = 0; i < cities.size(); i++) {
			sum += cities.get(i).weight();
			cumulative[i] = sum;
		}
	}

	City city(Random random) {
		double r = random.nextDouble() * cumulative[cumulative.length - 1];
		int i = java.util.Arrays.binarySearch(cumulative, r);
		return cities.get(i >= 0 ? i : -i - 1);
	}

	List<City> cities() {
		return cities;
	}

	String brand(Random random) {
		char a = BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()));
		char b;
		do {
			b = BRAND_CHARS.charAt(random.nextInt(BRAND_CHARS.length()));
		}
		while (b == a);
		return "" + a + b;
	}

	Trade trade(Random random) {
		return TRADES[random.nextInt(TRADES.length)];
	}

	/** 杭州明华科技有限公司, now and then with the province instead of the city, or a group / joint-stock form. */
	String companyName(City city, String brand, Trade trade, Random random) {
		int form = random.nextInt(100);
		String suffix = form < 74 ? "有限公司" : form < 86 ? "股份有限公司" : form < 95 ? "有限责任公司" : "集团有限公司";
		String place = random.nextInt(10) == 0 ? shortProvince(city.provinceName()) : city.name();
		return place + brand + trade.words() + suffix;
	}

	private static String shortProvince(String province) {
		for (String end : List.of("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市")) {
			if (province.endsWith(end)) {
				return province.substring(0, province.length() - end.length());
			}
		}
		return province;
	}

	/** A unified social credit code (91 + region + MA + serial, GB 32100 check character), unique per serial. */
	static String creditCode(String regionCode, long serial) {
		StringBuilder code = new StringBuilder(7);
		long rest = serial;
		for (int i = 0; i < 7; i++) {
			code.append(CREDIT_CHARS.charAt((int) (rest % 31)));
			rest /= 31;
		}
		return ChineseIdentifiers.withCreditCodeCheck("91" + regionCode + "MA" + code.reverse());
	}

	String personName(Random random) {
		String surname = SURNAMES[random.nextInt(random.nextInt(4) == 0 ? SURNAMES.length : 20)];
		int given = random.nextInt(3) == 0 ? 1 : 2;
		StringBuilder name = new StringBuilder(surname);
		for (int i = 0; i < given; i++) {
			name.append(GIVEN_CHARS.charAt(random.nextInt(GIVEN_CHARS.length())));
		}
		return name.toString();
	}

	static String mobile(Random random) {
		return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
	}

}
