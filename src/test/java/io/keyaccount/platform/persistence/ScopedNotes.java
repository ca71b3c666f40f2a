package io.keyaccount.platform.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ScopedNotes extends JpaRepository<ScopedNote, Long>, JpaSpecificationExecutor<ScopedNote> {
}
