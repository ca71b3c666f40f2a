package io.keyaccount.platform.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Roles extends JpaRepository<Role, Long> {

	Optional<Role> findByCode(String code);

	List<Role> findAllByOrderByIdAsc();

}
