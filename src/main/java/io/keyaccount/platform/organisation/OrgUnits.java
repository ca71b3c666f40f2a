package io.keyaccount.platform.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnits extends JpaRepository<OrgUnit, Long> {

	List<OrgUnit> findAllByOrderBySortOrderAscNameAsc();

	List<OrgUnit> findByParentId(Long parentId);

}
