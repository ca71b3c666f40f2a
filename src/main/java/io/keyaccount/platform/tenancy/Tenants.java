package io.keyaccount.platform.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Tenants extends JpaRepository<Tenant, Long> {

	@Query("select coalesce(max(t.id), 0) from Tenant t")
	long maxId();

}
