package io.keyaccount.customer;

import java.util.List;

import io.keyaccount.platform.web.Labelled;

/**
 * A column an account import understands: one row is one account and, optionally, its first contact. Headers
 * are matched against the column's labels in both languages and the aliases below (spelling variants users
 * type into their own sheets).
 */
public enum ImportColumn implements Labelled {

	NAME(200, "公司名称", "企业名称", "客户", "名称", "单位名称", "account", "company", "companyname", "customer",
			"customername"),
	SHORT_NAME(100, "客户简称", "公司简称", "shortname", "abbreviation"),
	CREDIT_CODE(18, "信用代码", "社会信用代码", "统一信用代码", "税号", "creditcode", "uscc"),
	EXTERNAL_ID(64, "客户编号", "外部编号", "externalid", "code"),
	INDUSTRY(0, "所属行业", "industry"),
	PROVINCE(0, "省", "所在省份", "province"),
	CITY(0, "市", "所在城市", "city"),
	ADDRESS(300, "公司地址", "详细地址", "address"),
	PHONE(30, "公司电话", "总机", "固定电话", "phone", "telephone"),
	WEBSITE(200, "官网", "公司网址", "website", "url"),
	EMPLOYEES(0, "人数", "员工数", "employees", "staff"),
	ANNUAL_REVENUE(0, "营业收入", "年收入", "年营业额", "annualrevenue", "revenue"),
	OWNERSHIP_TYPE(0, "企业类型", "ownershiptype", "ownership"),
	STATUS(0, "状态", "status"),
	SOURCE(0, "来源", "source"),
	PURCHASING_MODE(0, "purchasingmode"),
	PURCHASE_PATTERN(0, "purchasepattern"),
	TAGS(500, "tags", "tag"),
	OWNER(0, "负责人", "负责人用户名", "owner", "ownerusername"),
	CONTACT_NAME(100, "联系人", "联系人名称", "contact", "contactname"),
	CONTACT_TITLE(100, "职位", "联系人职务", "title", "jobtitle"),
	CONTACT_DEPARTMENT(100, "联系人部门", "department"),
	CONTACT_MOBILE(20, "手机号", "手机号码", "联系人手机", "mobile", "cellphone"),
	CONTACT_PHONE(30, "联系人电话", "contactphone"),
	CONTACT_EMAIL(200, "电子邮箱", "邮件", "email", "e-mail", "mail"),
	CONTACT_WECHAT(64, "微信号", "wechat"),
	CONTACT_BUYING_ROLE(0, "buyingrole", "role"),
	CONTACT_ATTITUDE(0, "态度", "attitude");

	private final int maxLength;

	private final List<String> aliases;

	ImportColumn(int maxLength, String... aliases) {
		this.maxLength = maxLength;
		this.aliases = List.of(aliases);
	}

	/** The longest text the column takes, or 0 when the value is a code, a number or a name to look up. */
	public int maxLength() {
		return maxLength;
	}

	public List<String> aliases() {
		return aliases;
	}

	public boolean isContact() {
		return name().startsWith("CONTACT_");
	}

	/** The columns of the template and of an export, in their order. */
	public static List<ImportColumn> templateOrder() {
		return List.of(values());
	}

}
