package io.keyaccount.platform.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnits extends JpaRepository<OrgUnit, Long> {

	List<OrgUnit> findAllByOrderBySortOrderAscNameAsc();

	List<OrgUnit> findByParentId(Long parentId);

	/** Every unit's id and its parent's id, for the unit tree. */
	@org.springframework.data.jpa.repository.Query("select u.id, u.parentId from OrgUnit u")
	List<Object[]> findIdsAndParents();

	/** Ids and names of these units. */
	@org.springframework.data.jpa.repository.Query("select u.id, u.name from OrgUnit u where u.id in :ids")
	List<Object[]> findNamesByIdIn(java.util.Collection<Long> ids);

}
