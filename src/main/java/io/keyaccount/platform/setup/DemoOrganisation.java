package io.keyaccount.platform.setup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.OrgUnit;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.RoleCommand;
import io.keyaccount.platform.organisation.Organisation.UnitCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.platform.organisation.PositionTitle;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.organisation.UnitType;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.PermissionCatalog;
import io.keyaccount.platform.setup.Installation.DemoCompanyRequested;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * The demo company of seed 004: a young maker of optical-access equipment with about 30 staff — general
 * manager's office, a sales department with a small key-account team, an R&D centre that evaluates requirements,
 * service and finance. Other modules add their demo records after this listener (higher order).
 */
@Component
class DemoOrganisation {

	static final String COMPANY = "杭州光联通信技术有限公司";

	private final Organisation organisation;

	private final PermissionCatalog permissions;

	private final SetupProperties properties;

	DemoOrganisation(Organisation organisation, PermissionCatalog permissions, SetupProperties properties) {
		this.organisation = organisation;
		this.permissions = permissions;
		this.properties = properties;
	}

	@EventListener
	@Order(0)
	void on(DemoCompanyRequested event) {
		TenantContext.runAs(event.tenantId(), () -> create(event.rootUnitId()));
	}

	private void create(long root) {
		long office = unit("总经理办公室", UnitType.DEPARTMENT, root, 1);
		long sales = unit("销售部", UnitType.DEPARTMENT, root, 2);
		long kamTeam = unit("重点客户团队", UnitType.KAM_TEAM, sales, 1);
		long east = unit("华东销售组", UnitType.DEPARTMENT, sales, 2);
		long south = unit("华南销售组", UnitType.DEPARTMENT, sales, 3);
		long rnd = unit("研发中心", UnitType.DEPARTMENT, root, 3);
		long service = unit("客户服务部", UnitType.DEPARTMENT, root, 4);
		long finance = unit("财务部", UnitType.DEPARTMENT, root, 5);

		List<String> all = permissions.all();
		List<String> business = all.stream().filter(p -> !p.startsWith("admin.")).toList();
		// Front-line staff do not configure, delete or move other people's records.
		List<String> frontLine = business.stream()
			.filter(p -> !p.endsWith(".settings") && !p.endsWith(".delete") && !p.endsWith(".transfer"))
			.toList();
		List<String> readOnly = business.stream().filter(p -> p.endsWith(".view")).toList();
		Role manager = role("GENERAL_MANAGER", "总经理", DataScope.ALL, business);
		Role director = role("SALES_DIRECTOR", "销售总监", DataScope.UNIT_AND_BELOW, business);
		Role kam = role("KEY_ACCOUNT_MANAGER", "大客户经理", DataScope.UNIT, frontLine);
		Role salesRole = role("SALES", "销售人员", DataScope.OWN, frontLine);
		Role evaluator = role("RND_EVALUATOR", "研发评估", DataScope.OWN, readOnly);

		Map<String, Long> positions = new HashMap<>();
		for (String title : List.of("总经理", "销售总监", "大客户经理", "销售代表", "研发评估工程师", "客服专员", "财务主管")) {
			PositionTitle position = organisation.createPosition(title);
			positions.put(title, position.getId());
		}
		long gm = user("wangjianguo", "王建国", office, positions.get("总经理"), null, manager);
		long director1 = user("liming", "李明", sales, positions.get("销售总监"), gm, director);
		user("chenjing", "陈静", kamTeam, positions.get("大客户经理"), director1, kam);
		user("zhaolei", "赵磊", kamTeam, positions.get("大客户经理"), director1, kam);
		user("liuyang", "刘洋", east, positions.get("销售代表"), director1, salesRole);
		user("huangting", "黄婷", east, positions.get("销售代表"), director1, salesRole);
		user("zhengkai", "郑凯", south, positions.get("销售代表"), director1, salesRole);
		user("sunwei", "孙伟", rnd, positions.get("研发评估工程师"), gm, evaluator);
		user("zhoufang", "周芳", service, positions.get("客服专员"), gm, salesRole);
		user("wumin", "吴敏", finance, positions.get("财务主管"), gm, manager);
	}

	private long unit(String name, UnitType type, long parent, int order) {
		OrgUnit unit = organisation.createUnit(new UnitCommand(name, type, parent, order, 0));
		return unit.getId();
	}

	private Role role(String code, String name, DataScope scope, List<String> granted) {
		return organisation.createRole(code, new RoleCommand(name, scope, Set.copyOf(granted)));
	}

	private long user(String username, String name, long unit, Long position, Long manager, Role role) {
		User user = organisation.createUser(new NewUserCommand(username, properties.demo().password(),
				new UserProfileCommand(name, username + "@guanglian-demo.cn", null, unit, position, manager,
						Set.of(role.getId()))));
		return user.getId();
	}

}
