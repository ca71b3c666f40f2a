package io.keyaccount.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.platform.audit.AuditAction;
import io.keyaccount.platform.audit.AuditLog;
import io.keyaccount.platform.audit.AuditLog.AuditEntry;
import io.keyaccount.platform.audit.AuditLog.AuditQuery;
import io.keyaccount.platform.organisation.OrgUnit;
import io.keyaccount.platform.organisation.OrgUnits;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.UnitType;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.recyclebin.RecycleBin;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.setup.Installation;
import io.keyaccount.platform.setup.Installation.InstallCommand;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;

/**
 * The data rules every module relies on — tenant isolation, data scopes in queries, the audit trail, the
 * recycle bin and optimistic locking — run against a real database: H2 in {@code PersistenceRulesTests},
 * PostgreSQL in {@code PersistenceRulesPostgresIT}.
 */
@Import(ScopedNoteRecyclable.class)
abstract class PersistenceRulesContract {

	@Autowired
	ScopedNotes notes;

	@Autowired
	OrgUnits units;

	@Autowired
	Organisation organisation;

	@Autowired
	Installation installation;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	UserDetailsService staff;

	@Autowired
	AuditLog audit;

	@Autowired
	RecycleBin recycleBin;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	BoundedPages pages;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	private User demo(String username) {
		return organisation.users(new Organisation.UserQuery(username, null, null), PageRequest.of(0, 1))
			.getContent()
			.get(0);
	}

	@Test
	void aTenantNeitherReadsNorChangesAnotherTenantsRows() {
		long otherTenant = installation.install(new InstallCommand("另一家公司", "other-admin-" + System.nanoTime(),
				"管理员", "Other2026pass", "管理员", false));
		Long otherRoot = TenantContext.callAs(otherTenant,
				() -> units.findAll().stream().map(OrgUnit::getId).findFirst().orElseThrow());

		List<String> defaultTenantUnits = TenantContext.callAs(TenantContext.DEFAULT_TENANT,
				() -> units.findAll().stream().map(OrgUnit::getName).toList());
		assertThat(defaultTenantUnits).contains("销售部").doesNotContain("另一家公司");
		assertThat(TenantContext.callAs(TenantContext.DEFAULT_TENANT, () -> units.findById(otherRoot))).isEmpty();

		TenantContext.runAs(TenantContext.DEFAULT_TENANT,
				() -> assertThatThrownBy(() -> organisation.unit(otherRoot)).isInstanceOf(NotFoundException.class));
		assertThat(TenantContext.callAs(otherTenant, () -> units.findAll()).stream().map(OrgUnit::getName))
			.containsExactly("另一家公司");
	}

	@Test
	void ownUnitScopeShowsTheUnitsRecordsButNotAnotherUnits() {
		User chenjing = demo("chenjing");
		User zhaolei = demo("zhaolei");
		User liuyang = demo("liuyang");
		ScopedNote teamNote = notes.save(new ScopedNote("重点客户团队的记录", zhaolei.getId(), zhaolei.getUnitId()));
		ScopedNote eastNote = notes.save(new ScopedNote("华东销售组的记录", liuyang.getId(), liuyang.getUnitId()));

		DemoUsers.signIn(staff, chenjing.getUsername());
		VisibleRecords visible = currentUser.visibleRecords();
		List<String> titles = notes.findAll(visible.<ScopedNote>specification()).stream().map(ScopedNote::getTitle).toList();

		assertThat(titles).contains(teamNote.getTitle()).doesNotContain(eastNote.getTitle());
		assertThat(visible.includes(liuyang.getId(), liuyang.getUnitId())).isFalse();
	}

	@Test
	void ownRecordsScopeHidesAColleaguesRecordInTheSameUnit() {
		User liuyang = demo("liuyang");
		User huangting = demo("huangting");
		ScopedNote mine = notes.save(new ScopedNote("刘洋的记录", liuyang.getId(), liuyang.getUnitId()));
		ScopedNote colleagues = notes.save(new ScopedNote("黄婷的记录", huangting.getId(), huangting.getUnitId()));

		DemoUsers.signIn(staff, "liuyang");
		List<Long> ids = notes.findAll(currentUser.visibleRecords().<ScopedNote>specification())
			.stream()
			.map(ScopedNote::getId)
			.toList();

		assertThat(ids).contains(mine.getId()).doesNotContain(colleagues.getId());
	}

	@Test
	void unitAndBelowScopeReachesSubUnits() {
		User zhengkai = demo("zhengkai");
		ScopedNote south = notes.save(new ScopedNote("华南销售组的记录", zhengkai.getId(), zhengkai.getUnitId()));

		DemoUsers.signIn(staff, "liming");
		assertThat(notes.findAll(currentUser.visibleRecords().<ScopedNote>specification()))
			.extracting(ScopedNote::getId)
			.contains(south.getId());
	}

	@Test
	void everyChangeIsAuditedWithOldAndNewValues() {
		User liuyang = demo("liuyang");
		DemoUsers.signIn(staff, "liuyang");
		ScopedNote note = notes.save(new ScopedNote("初稿", liuyang.getId(), liuyang.getUnitId()));
		tx.executeWithoutResult(status -> notes.findById(note.getId()).orElseThrow().retitle("定稿"));

		List<AuditEntry> history = audit
			.search(new AuditQuery("ScopedNote", note.getId(), null, null, null), PageRequest.of(0, 10))
			.getContent();

		assertThat(history).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
		assertThat(history.get(0).changes()).contains("初稿").contains("定稿");
		assertThat(history.get(0).changedBy()).isEqualTo("liuyang");
	}

	@Test
	void deletedRecordsWaitInTheRecycleBinUntilRestoredOrPurged() {
		User liuyang = demo("liuyang");
		ScopedNote note = notes.save(new ScopedNote("待删除的记录", liuyang.getId(), liuyang.getUnitId()));
		tx.executeWithoutResult(status -> notes.findById(note.getId()).orElseThrow().moveToRecycleBin());

		assertThat(notes.findById(note.getId())).isEmpty();
		assertThat(recycleBin.contents("note")).extracting(RecycleBin.DeletedRecord::id).contains(note.getId());

		recycleBin.restore("note", note.getId());
		assertThat(notes.findById(note.getId())).isPresent();

		tx.executeWithoutResult(status -> notes.findById(note.getId()).orElseThrow().moveToRecycleBin());
		recycleBin.purge("note", note.getId());
		assertThat(recycleBin.contents("note")).extracting(RecycleBin.DeletedRecord::id).doesNotContain(note.getId());
		assertThat(audit.search(new AuditQuery("ScopedNote", note.getId(), null, null, null), PageRequest.of(0, 10))
			.getContent()).extracting(AuditEntry::action)
			.contains(AuditAction.DELETE, AuditAction.RESTORE, AuditAction.PURGE);
	}

	@Test
	void aStaleEditIsRefusedAndNothingIsOverwritten() {
		User liuyang = demo("liuyang");
		ScopedNote note = notes.save(new ScopedNote("版本一", liuyang.getId(), liuyang.getUnitId()));
		long versionSeenByBoth = note.getVersion();
		tx.executeWithoutResult(status -> {
			ScopedNote first = notes.findById(note.getId()).orElseThrow();
			first.checkVersion(versionSeenByBoth);
			first.retitle("第一位的修改");
		});

		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			ScopedNote second = notes.findById(note.getId()).orElseThrow();
			second.checkVersion(versionSeenByBoth);
			second.retitle("第二位的修改");
		})).isInstanceOf(ConcurrentEditException.class);
		assertThat(notes.findById(note.getId()).orElseThrow().getTitle()).isEqualTo("第一位的修改");
	}

	@Test
	void aNewSubUnitAndItsRecordsAreInTheManagersScopeAtOnce() {
		DemoUsers.signIn(staff, "liming");
		User liming = demo("liming");
		Set<Long> before = currentUser.visibleRecords().unitIds();
		OrgUnit newTeam = organisation.createUnit(new Organisation.UnitCommand("西南销售组-" + System.nanoTime(),
				UnitType.DEPARTMENT, liming.getUnitId(), 9, 0));
		ScopedNote note = notes.save(new ScopedNote("西南的记录", demo("liuyang").getId(), newTeam.getId()));

		assertThat(before).doesNotContain(newTeam.getId());
		assertThat(currentUser.visibleRecords().unitIds()).contains(newTeam.getId());
		assertThat(notes.findAll(currentUser.visibleRecords().<ScopedNote>specification()))
			.extracting(ScopedNote::getId)
			.contains(note.getId());

		OrgUnit root = units.findAll().stream().filter(u -> u.getParentId() == null).findFirst().orElseThrow();
		organisation.updateUnit(newTeam.getId(), new Organisation.UnitCommand(newTeam.getName(), UnitType.DEPARTMENT,
				root.getId(), 9, organisation.unit(newTeam.getId()).getVersion()));
		assertThat(currentUser.visibleRecords().unitIds()).doesNotContain(newTeam.getId());
		organisation.setUnitEnabled(newTeam.getId(), false);
	}

	@Test
	void aLongListCountsExactlyOnlyUpToItsBound() {
		User liuyang = demo("liuyang");
		String prefix = "分页-" + System.nanoTime() + "-";
		for (int i = 10; i < 35; i++) {
			notes.save(new ScopedNote(prefix + i, liuyang.getId(), liuyang.getUnitId()));
		}
		Specification<ScopedNote> mine = (root, q, cb) -> cb.like(root.get("title"), prefix + "%");
		var firstPage = PageRequest.of(0, 2, Sort.by("title"));

		BoundedPage<ScopedNote> bounded = pages.find(notes, ScopedNote.class, mine, firstPage, 4);
		assertThat(bounded.getContent()).extracting(ScopedNote::getTitle).containsExactly(prefix + 10, prefix + 11);
		assertThat(bounded.isTotalExact()).isFalse();
		assertThat(bounded.getTotalElements()).isEqualTo(20); // the bound is raised to ten pages past this one
		BoundedPage<ScopedNote> exact = pages.find(notes, ScopedNote.class, mine, firstPage, 100);
		assertThat(exact.isTotalExact()).isTrue();
		assertThat(exact.getTotalElements()).isEqualTo(25);
		assertThat(pages.countUpTo(ScopedNote.class, mine, 5)).isEqualTo(5);
		assertThat(pages.countUpTo(ScopedNote.class, mine, 50)).isEqualTo(25);

		BoundedPage<ScopedNote> last = pages.find(notes, ScopedNote.class, mine, PageRequest.of(12, 2, Sort.by("title")), 4);
		assertThat(last.getContent()).extracting(ScopedNote::getTitle).containsExactly(prefix + 34);
		assertThat(last.isTotalExact()).isTrue();
		assertThat(last.getTotalElements()).isEqualTo(25);
		assertThat(last.hasNext()).isFalse();
	}

	@Test
	void unitsMoveButNeverUnderThemselves() {
		TenantContext.runAs(TenantContext.DEFAULT_TENANT, () -> {
			OrgUnit sales = units.findAll().stream().filter(u -> u.getName().equals("销售部")).findFirst().orElseThrow();
			OrgUnit team = units.findAll().stream().filter(u -> u.getName().equals("重点客户团队")).findFirst().orElseThrow();
			assertThat(organisation.unitAndDescendants(sales.getId())).contains(team.getId());
			assertThatThrownBy(() -> organisation.updateUnit(sales.getId(), new Organisation.UnitCommand("销售部",
					sales.getType(), team.getId(), 2, sales.getVersion())))
				.hasMessageContaining("unit.cannotMoveUnderItself");
		});
	}

}
