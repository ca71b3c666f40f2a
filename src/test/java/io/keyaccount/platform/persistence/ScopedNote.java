package io.keyaccount.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

/** A minimal owned business record, only for testing the platform's shared persistence rules. */
@Entity
@Table(name = "scoped_note")
@SQLRestriction("deleted_at is null")
public class ScopedNote extends OwnedEntity {

	@Column(nullable = false)
	private String title;

	protected ScopedNote() {
	}

	public ScopedNote(String title, long ownerUserId, long ownerUnitId) {
		this.title = title;
		assignOwner(ownerUserId, ownerUnitId);
	}

	public String getTitle() {
		return title;
	}

	public void retitle(String title) {
		this.title = title;
	}

}
