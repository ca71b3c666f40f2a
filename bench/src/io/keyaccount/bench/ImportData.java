package io.keyaccount.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.customer.domain.PinyinNames;

/**
 * The rows of the import benchmark, written twice: as the CSV a user uploads (Chinese headers, names of provinces
 * and owners, one contact per row) and as the table rows the import creates, for the database's own bulk load.
 */
final class ImportData {

	static final String UPLOAD_HEADER = "公司名称,客户简称,信用代码,所属行业,省,市,公司地址,公司电话,人数,状态,来源,负责人,联系人,职位,手机号";

	static final String ACCOUNT_COLUMNS = "tenant_id,id,name,short_name,credit_code,industry,province_code,city_code,"
			+ "employees,address,phone,source,status,key_account,in_pool,normalized_name,name_end_key,"
			+ "name_pinyin,name_initials,"
			+ "owner_user_id,owner_unit_id,created_at,created_by,updated_at,updated_by,version";

	static final String CONTACT_COLUMNS = "tenant_id,id,account_id,name,title,mobile,left_company,name_pinyin,"
			+ "name_initials,created_at,created_by,updated_at,updated_by,version";

	/** Ids of the reference's rows; they are deleted again after the measurement. */
	static final long ACCOUNT_ID_BASE = 80_000_000L;

	static final long CONTACT_ID_BASE = 85_000_000L;

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private static final String[] STATUS = { "CUSTOMER", "POTENTIAL", "INTENT" };

	private static final String[] TITLES = { "总经理", "采购经理", "技术总监", "项目经理" };

	record Files3(Path upload, Path accounts, Path contacts) {
	}

	/** Writes {@code rows} rows; {@code runStamp} keeps credit codes apart from earlier runs' imported rows. */
	static Files3 write(Path dir, int rows, long runStamp, BenchDb.Staff importer, List<CustomerData.Owner> owners)
			throws IOException {
		ChineseCompanies names = new ChineseCompanies();
		Files3 files = new Files3(dir.resolve("import-upload.csv"), dir.resolve("import-accounts.csv"),
				dir.resolve("import-contacts.csv"));
		String now = TS.format(Instant.now());
		try (BufferedWriter upload = Files.newBufferedWriter(files.upload(), StandardCharsets.UTF_8);
				BufferedWriter accounts = Files.newBufferedWriter(files.accounts(), StandardCharsets.UTF_8);
				BufferedWriter contacts = Files.newBufferedWriter(files.contacts(), StandardCharsets.UTF_8)) {
			upload.write(UPLOAD_HEADER + "\n");
			accounts.write(ACCOUNT_COLUMNS + "\n");
			contacts.write(CONTACT_COLUMNS + "\n");
			for (int k = 0; k < rows; k++) {
				Random random = new Random(runStamp * 7919 + k);
				ChineseCompanies.City city = names.city(random);
				String brand = names.brand(random);
				ChineseCompanies.Trade trade = names.trade(random);
				String name = names.companyName(city, brand, trade, random);
				String shortName = brand + trade.words().substring(0, 2);
				String creditCode = ChineseCompanies.creditCode(city.code(),
						3_000_000_000L + runStamp % 10_000 * 200_000 + k);
				int employees = 10 + random.nextInt(1000);
				String address = city.name() + "市高新区科技路" + (1 + random.nextInt(999)) + "号";
				String phone = "0" + (10 + random.nextInt(890)) + "-" + (20000000 + random.nextInt(79999999));
				String status = STATUS[random.nextInt(STATUS.length)];
				CustomerData.Owner owner = owners.get(random.nextInt(owners.size()));
				String contact = names.personName(random);
				String title = TITLES[random.nextInt(TITLES.length)];
				String mobile = ChineseCompanies.mobile(random);
				StringBuilder line = new StringBuilder();
				CustomerData.csv(line, name, shortName, creditCode, trade.industry(),
						city.provinceName(), city.name() + "市", address, phone, employees,
						status, "EXHIBITION", owner.username(), contact, title, mobile);
				upload.write(line.toString());
				line.setLength(0);
				CustomerData.csv(line, importer.tenantId(), ACCOUNT_ID_BASE + k, name, shortName, creditCode,
						trade.industry(), city.provinceCode(), city.code(), employees, address, phone, "EXHIBITION",
						status, false, false, CompanyNames.normalize(name),
						CompanyNames.endKey(CompanyNames.normalize(name)), PinyinNames.full(name + " " + shortName),
						PinyinNames.initials(name) + " " + PinyinNames.initials(shortName), owner.userId(),
						owner.unitId(), now, BenchDb.BENCH_USER, now, BenchDb.BENCH_USER, 0);
				accounts.write(line.toString());
				line.setLength(0);
				CustomerData.csv(line, importer.tenantId(), CONTACT_ID_BASE + k, ACCOUNT_ID_BASE + k, contact, title,
						mobile, false, CustomerData.full(contact), CustomerData.initials(contact), now,
						BenchDb.BENCH_USER, now, BenchDb.BENCH_USER, 0);
				contacts.write(line.toString());
			}
		}
		return files;
	}

}
