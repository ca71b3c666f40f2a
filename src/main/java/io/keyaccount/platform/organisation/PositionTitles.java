package io.keyaccount.platform.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PositionTitles extends JpaRepository<PositionTitle, Long> {

	List<PositionTitle> findAllByOrderByNameAsc();

}
