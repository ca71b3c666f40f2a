package io.keyaccount.platform.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnits extends JpaRepository<OrgUnit, Long> {

	List<OrgUnit> findAllByOrderBySortOrderAscNameAsc();

	List<OrgUnit> findByParentId(Long parentId);

	/** Every unit's id, its parent's id and its name. */
	@org.springframework.data.jpa.repository.Query("select u.id, u.parentId, u.name from OrgUnit u")
	List<Object[]> findIdsParentsAndNames();

}
