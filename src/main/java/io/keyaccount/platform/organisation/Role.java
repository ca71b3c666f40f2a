package io.keyaccount.platform.organisation;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.platform.persistence.BusinessEntity;

/** A set of permissions and the data scope that comes with them. */
@Entity
@Table(name = "app_role")
@SQLRestriction("deleted_at is null")
public class Role extends BusinessEntity {

	@Column(nullable = false, updatable = false)
	private String code;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "data_scope", nullable = false)
	private DataScope dataScope;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_role_permission", joinColumns = @JoinColumn(name = "role_id"))
	@Column(name = "permission")
	private Set<String> permissions = new TreeSet<>();

	protected Role() {
	}

	public Role(String code, String name, DataScope dataScope, Collection<String> permissions) {
		this.code = code;
		this.name = name;
		this.dataScope = dataScope;
		this.permissions.addAll(permissions);
	}

	public void redefine(String name, DataScope dataScope, Collection<String> permissions) {
		this.name = name;
		this.dataScope = dataScope;
		this.permissions.clear();
		this.permissions.addAll(permissions);
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public DataScope getDataScope() {
		return dataScope;
	}

	public Set<String> getPermissions() {
		return Set.copyOf(permissions);
	}

}
