package io.keyaccount.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.customer.domain.PinyinNames;

/**
 * Writes the benchmark's accounts and contacts as CSV files in table-column order, filled as the app fills them
 * (normalised name, full pinyin and initials through the app's own {@link PinyinNames} and {@link CompanyNames}).
 * Seeded per chunk, so the same arguments always give the same files, on any number of cores.
 */
final class CustomerData {

	static final long ACCOUNT_ID_BASE = 10_000_000L;

	static final long CONTACT_ID_BASE = 20_000_000L;

	static final String ACCOUNT_COLUMNS = "tenant_id,id,name,short_name,credit_code,industry,province_code,city_code,"
			+ "employees,annual_revenue,ownership_type,website,address,phone,source,status,purchasing_mode,"
			+ "purchase_pattern,parent_id,key_account,tags,in_pool,pooled_at,last_follow_up_at,next_follow_up_on,"
			+ "normalized_name,name_end_key,name_pinyin,name_initials,owner_user_id,owner_unit_id,created_at,"
			+ "created_by,updated_at,updated_by,version,deleted_at";

	static final String CONTACT_COLUMNS = "tenant_id,id,account_id,name,title,department,mobile,phone,email,wechat,"
			+ "buying_role,influence,attitude,relationship_strength,reports_to_id,work_notes,life_notes,interests,"
			+ "birthday,left_company,left_on,name_pinyin,name_initials,created_at,created_by,updated_at,updated_by,"
			+ "version,deleted_at";

	/** Who owns accounts: a demo user, the unit they belong to, and a relative share. */
	record Owner(long userId, long unitId, String username, int share) {
	}

	private static final int CHUNK = 10_000;

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private static final String[] STATUS = { "CUSTOMER", "CUSTOMER", "CUSTOMER", "POTENTIAL", "POTENTIAL", "POTENTIAL",
			"INTENT", "INTENT", "DORMANT", "LOST" };

	private static final String[] SOURCES = { "REFERRAL", "EXHIBITION", "WEBSITE", "COLD_CALL", "TENDER", "PARTNER",
			"OTHER" };

	private static final String[] TAGS = { "中小企业用户", "系统集成商", "渠道伙伴", "政府项目", "海外", "老客户转介绍", "展会线索", "年度框架" };

	private static final String[] ROADS = { "科技路", "文一西路", "学院路", "人民路", "建设大道", "创业路", "滨江路", "解放路", "中山路",
			"长江路", "高新大道", "工业园路" };

	private static final String[] DISTRICTS = { "高新区", "经济开发区", "工业园区", "滨江区", "新区", "城东", "城西" };

	private static final String[] TITLES = { "技术总监", "采购经理", "工程部经理", "项目经理", "网络工程师", "财务经理", "运维主管",
			"副总经理", "信息中心主任" };

	private static final String[] DEPARTMENTS = { "技术部", "采购部", "工程部", "信息中心", "财务部", "运维部" };

	private static final String[] ROLES = { "INFLUENCER", "USER", "GATEKEEPER", "SUPPORTER" };

	private static final String[] ATTITUDES = { "SUPPORTIVE", "NEUTRAL", "NEUTRAL", "OPPOSED" };

	private static final String[] INTERESTS = { "羽毛球、茶", "钓鱼", "跑步", "摄影", "围棋", "登山", "书法" };

	private final ChineseCompanies names = new ChineseCompanies();

	private final long tenantId;

	private final Owner[] owners;

	private final int totalShare;

	private final Instant now;

	CustomerData(long tenantId, List<Owner> owners, Instant now) {
		this.tenantId = tenantId;
		this.owners = owners.toArray(Owner[]::new);
		this.totalShare = owners.stream().mapToInt(Owner::share).sum();
		this.now = now.truncatedTo(ChronoUnit.SECONDS);
	}

	ChineseCompanies names() {
		return names;
	}

	/** Contacts of account {@code i}: 1, 2, 3, 4, 5, 1, 2 ... so that N accounts have exactly 3N contacts. */
	static int contactsOf(long i) {
		return (int) (i % 5) + 1;
	}

	static long firstContactIndex(long i) {
		long r = i % 5;
		return i / 5 * 15 + r * (r + 1) / 2;
	}

	/** Writes accounts [0, count) and their contacts; returns the number of contacts written. */
	long write(int count, long seed, Path accountsCsv, Path contactsCsv) {
		try (BufferedWriter accounts = Files.newBufferedWriter(accountsCsv, StandardCharsets.UTF_8);
				BufferedWriter contacts = Files.newBufferedWriter(contactsCsv, StandardCharsets.UTF_8)) {
			accounts.write(ACCOUNT_COLUMNS + "\n");
			contacts.write(CONTACT_COLUMNS + "\n");
			int chunks = (count + CHUNK - 1) / CHUNK;
			int parallel = Runtime.getRuntime().availableProcessors() * 2;
			long written = 0;
			for (int from = 0; from < chunks; from += parallel) {
				int to = Math.min(chunks, from + parallel);
				String[][] parts = IntStream.range(from, to).parallel()
					.mapToObj(c -> chunk(c, Math.min(count, (c + 1) * CHUNK), seed))
					.toArray(String[][]::new);
				for (String[] part : parts) {
					accounts.write(part[0]);
					contacts.write(part[1]);
				}
			}
			for (long i = 0; i < count; i++) {
				written += contactsOf(i);
			}
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String[] chunk(int chunk, int end, long seed) {
		Random random = new Random(seed * 1_000_003L + chunk);
		StringBuilder accounts = new StringBuilder(CHUNK * 400);
		StringBuilder contacts = new StringBuilder(CHUNK * 3 * 250);
		for (int i = chunk * CHUNK; i < end; i++) {
			account(i, random, accounts, contacts);
		}
		return new String[] { accounts.toString(), contacts.toString() };
	}

	private Owner owner(Random random) {
		int r = random.nextInt(totalShare);
		for (Owner owner : owners) {
			r -= owner.share();
			if (r < 0) {
				return owner;
			}
		}
		return owners[owners.length - 1];
	}

	private void account(long i, Random random, StringBuilder out, StringBuilder contactsOut) {
		long id = ACCOUNT_ID_BASE + i;
		ChineseCompanies.City city = names.city(random);
		String brand = names.brand(random);
		ChineseCompanies.Trade trade = names.trade(random);
		String name = names.companyName(city, brand, trade, random);
		String shortName = random.nextInt(10) < 6 ? brand + trade.words().substring(0, 2) : null;
		String creditCode = random.nextInt(10) < 9 ? ChineseCompanies.creditCode(city.code(), i) : null;
		int employees = (int) Math.min(20_000, Math.round(Math.exp(2 + random.nextGaussian() * 1.2 + 2)));
		long revenue = employees * (150_000L + random.nextInt(850_000));
		String ownership = pick(random, 100, new int[] { 80, 88, 92, 96, 98 },
				new String[] { "PRIVATE", "STATE_OWNED", "FOREIGN", "JOINT_VENTURE", "PUBLIC_INSTITUTION", "OTHER" });
		String initials = initials(brand);
		String website = random.nextInt(10) < 3 ? "www." + initials + trade.words().length() + i % 1000 + ".com.cn" : null;
		String address = city.name() + "市" + DISTRICTS[random.nextInt(DISTRICTS.length)]
				+ ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(999)) + "号";
		String phone = random.nextInt(10) < 7 ? "0" + (10 + random.nextInt(890)) + "-" + (20000000 + random.nextInt(79999999))
				: null;
		Owner owner = owner(random);
		Instant created = now.minus(30 + random.nextInt(3 * 365), ChronoUnit.DAYS).minusSeconds(random.nextInt(86400));
		boolean inPool = random.nextInt(100) < 5;
		Instant lastFollowUp = random.nextInt(100) < 85
				? max(created, now.minus(random.nextInt(inPool ? 200 : 120), ChronoUnit.DAYS).minusSeconds(random.nextInt(86400)))
				: null;
		Instant updated = max(created, lastFollowUp == null ? created.plus(random.nextInt(20), ChronoUnit.DAYS) : lastFollowUp);
		LocalDate nextFollowUp = random.nextInt(10) < 3 ? LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1 + random.nextInt(30))
				: null;
		String tags = null;
		if (random.nextInt(10) < 3) {
			String first = TAGS[random.nextInt(TAGS.length)];
			String second = TAGS[random.nextInt(TAGS.length)];
			tags = first.equals(second) || random.nextBoolean() ? first : first + "," + second;
		}
		Long parent = i > 1000 && random.nextInt(100) == 0 ? id - 1 - random.nextInt(1000) : null;
		String fullPinyin = PinyinNames.full(shortName == null ? name : name + " " + shortName);
		String nameInitials = PinyinNames.initials(name) + (shortName == null ? "" : " " + PinyinNames.initials(shortName));
		csv(out, tenantId, id, name, shortName, creditCode, trade.industry(), city.provinceCode(), city.code(), employees,
				revenue + ".00", ownership, website, address, phone, SOURCES[random.nextInt(SOURCES.length)],
				STATUS[random.nextInt(STATUS.length)], random.nextBoolean() ? "CENTRALISED" : "SCATTERED",
				new String[] { "CONTINUOUS", "PROJECT", "ONE_OFF" }[random.nextInt(3)], parent,
				random.nextInt(100) == 0, tags, inPool, inPool ? TS.format(updated) : null,
				lastFollowUp == null ? null : TS.format(lastFollowUp), nextFollowUp, CompanyNames.normalize(name),
				CompanyNames.endKey(CompanyNames.normalize(name)), fullPinyin, nameInitials, owner.userId(), owner.unitId(), TS.format(created),
				owner.username(), TS.format(updated), owner.username(), 0,
				random.nextInt(200) == 0 ? TS.format(updated) : null);
		contacts(i, id, owner, website, created, random, contactsOut);
	}

	private void contacts(long i, long accountId, Owner owner, String website, Instant created, Random random,
			StringBuilder out) {
		long first = CONTACT_ID_BASE + firstContactIndex(i);
		for (int c = 0; c < contactsOf(i); c++) {
			String name = names.personName(random);
			String pinyin = full(name);
			boolean boss = c == 0;
			boolean left = random.nextInt(100) < 3;
			Instant at = created.plus(random.nextInt(30), ChronoUnit.DAYS);
			csv(out, tenantId, first + c, accountId, name, boss ? "总经理" : TITLES[random.nextInt(TITLES.length)],
					boss ? "总经办" : DEPARTMENTS[random.nextInt(DEPARTMENTS.length)], ChineseCompanies.mobile(random),
					random.nextInt(5) == 0 ? "0571-8" + (1000000 + random.nextInt(8999999)) : null,
					website != null && random.nextBoolean() ? pinyin + "@" + website.substring(4) : null,
					random.nextInt(10) < 3 ? "wx_" + pinyin + random.nextInt(100) : null,
					boss ? "DECISION_MAKER" : ROLES[random.nextInt(ROLES.length)], 1 + random.nextInt(5),
					ATTITUDES[random.nextInt(ATTITUDES.length)], 1 + random.nextInt(5), boss ? null : first,
					boss && random.nextBoolean() ? "负责公司整体经营，重视设备稳定性和售后响应" : null,
					boss && random.nextInt(4) == 0 ? "两个孩子，周末常陪家人" : null,
					random.nextInt(3) == 0 ? INTERESTS[random.nextInt(INTERESTS.length)] : null,
					random.nextInt(10) < 3 ? LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28))
							: null,
					left, left ? LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(200) : null, pinyin,
					initials(name), TS.format(at), owner.username(), TS.format(at), owner.username(), 0, null);
		}
	}

	private static final java.util.Map<String, String> FULL = new java.util.concurrent.ConcurrentHashMap<>();

	private static final java.util.Map<String, String> INITIALS = new java.util.concurrent.ConcurrentHashMap<>();

	/** A person's name in pinyin, as {@code Contact.describe} stores it; names repeat, so each is converted once. */
	static String full(String name) {
		return FULL.computeIfAbsent(name, PinyinNames::full);
	}

	static String initials(String name) {
		return INITIALS.computeIfAbsent(name, PinyinNames::initials);
	}

	private static String pick(Random random, int bound, int[] limits, String[] values) {
		int r = random.nextInt(bound);
		for (int k = 0; k < limits.length; k++) {
			if (r < limits[k]) {
				return values[k];
			}
		}
		return values[values.length - 1];
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** One CSV line: null as an empty unquoted field (NULL for both CSVREAD and COPY), text quoted when needed. */
	static void csv(StringBuilder out, Object... values) {
		for (int k = 0; k < values.length; k++) {
			if (k > 0) {
				out.append(',');
			}
			Object v = values[k];
			if (v == null) {
				continue;
			}
			String s = v.toString();
			if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.isEmpty()) {
				out.append('"').append(s.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(s);
			}
		}
		out.append('\n');
	}

}
