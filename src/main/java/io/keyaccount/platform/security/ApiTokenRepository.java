package io.keyaccount.platform.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

}
