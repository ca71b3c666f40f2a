package io.keyaccount.platform.web;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SavedViewRepository extends JpaRepository<SavedView, Long> {

	List<SavedView> findByUserIdAndScreenOrderByName(Long userId, String screen);

}
