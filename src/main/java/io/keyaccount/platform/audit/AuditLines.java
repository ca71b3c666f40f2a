package io.keyaccount.platform.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.keyaccount.platform.audit.AuditLog.AuditEntry;
import io.keyaccount.platform.audit.AuditVocabulary.AuditedType;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.web.Formats;
import io.keyaccount.platform.web.Labelled;

/**
 * The audit trail in words, for people: each changed field by its label with its old and new value as the record's
 * page shows it (enums by their labels, user and unit ids as names, region codes as place names, booleans as 是/否,
 * times formatted), the record by its name, and the actor by name, scheduled jobs and seeding as 系统. Fields a
 * module marks hidden (pinyin, password hash) and fields no module labels are left out.
 */
@Service
public class AuditLines {

	private final List<AuditVocabulary> vocabularies;

	private final MessageSource messages;

	private final Formats formats;

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, AuditedType> types = new HashMap<>();

	/** Java type of each entity's fields, for enums, booleans and times. */
	private final Map<String, Map<String, Class<?>>> fieldTypes = new HashMap<>();

	AuditLines(List<AuditVocabulary> vocabularies, MessageSource messages, Formats formats, JdbcTemplate jdbc,
			EntityManagerFactory entityManagerFactory) {
		this.vocabularies = vocabularies;
		this.messages = messages;
		this.formats = formats;
		this.jdbc = jdbc;
		vocabularies.forEach(v -> v.types().forEach(t -> types.put(t.entityType(), t)));
		for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
			Map<String, Class<?>> fields = new HashMap<>();
			for (Attribute<?, ?> attribute : entity.getAttributes()) {
				fields.put(attribute.getName(), attribute.getJavaType());
			}
			fieldTypes.put(entity.getJavaType().getSimpleName(), fields);
		}
	}

	/** The audited types and their vocabulary, for checks that no audited field goes unlabelled. */
	public Map<String, AuditedType> types() {
		return Map.copyOf(types);
	}

	public Page<AuditLine> of(Page<AuditEntry> entries, Locale locale) {
		Map<String, Map<String, JsonNode>> changes = new HashMap<>();
		Map<String, Set<String>> wanted = new HashMap<>();
		for (AuditEntry entry : entries) {
			Map<String, JsonNode> fields = parse(entry.changes());
			changes.put(key(entry), fields);
			AuditedType type = types.get(entry.entityType());
			if (entry.recordName() == null) {
				wanted.computeIfAbsent(entry.entityType(), k -> new HashSet<>()).add(String.valueOf(entry.entityId()));
			}
			if (type != null) {
				fields.forEach((field, values) -> {
					String kind = type.references().get(field);
					if (kind != null) {
						values.forEach(v -> wanted.computeIfAbsent(kind, k -> new HashSet<>()).addAll(keys(v)));
					}
				});
			}
		}
		Map<String, Map<String, String>> names = new HashMap<>();
		wanted.forEach((kind, keys) -> names.put(kind, names(kind, keys, locale)));
		Map<String, String> actors = actors(entries.stream().map(AuditEntry::changedBy).collect(Collectors.toSet()));
		return entries.map(entry -> line(entry, changes.get(key(entry)), names, actors, locale));
	}

	private AuditLine line(AuditEntry entry, Map<String, JsonNode> fields, Map<String, Map<String, String>> names,
			Map<String, String> actors, Locale locale) {
		AuditedType type = types.get(entry.entityType());
		List<FieldChange> shown = new ArrayList<>();
		if (type != null) {
			fields.forEach((field, values) -> {
				String label = type.labels().get(field);
				if (label == null || type.hidden().contains(field)) {
					return;
				}
				String kind = type.references().get(field);
				shown.add(new FieldChange(text(label, locale),
						value(entry.entityType(), field, kind, values.get(0), names, locale),
						value(entry.entityType(), field, kind, values.get(1), names, locale)));
			});
		}
		String recordName = entry.recordName() != null ? entry.recordName()
				: names.getOrDefault(entry.entityType(), Map.of()).get(String.valueOf(entry.entityId()));
		boolean system = AuditLog.SYSTEM.equals(entry.changedBy()) || entry.changedBy() == null;
		String actor = system ? text("audit.system", locale) : actors.getOrDefault(entry.changedBy(), entry.changedBy());
		return new AuditLine(entry.id(), entry.changedAt(), actor, system ? null : entry.changedBy(), entry.action(),
				text("entity." + entry.entityType(), locale), entry.entityId(), recordName, shown);
	}

	private String value(String entityType, String field, String kind, JsonNode node,
			Map<String, Map<String, String>> names, Locale locale) {
		if (node == null || node.isNull()) {
			return "";
		}
		if (kind != null) {
			Map<String, String> known = names.getOrDefault(kind, Map.of());
			return keys(node).stream().map(k -> known.getOrDefault(k, "#" + k)).collect(Collectors.joining("、"));
		}
		Class<?> javaType = fieldTypes.getOrDefault(entityType, Map.of()).get(field);
		String text = node.isString() ? node.asString() : node.toString();
		if (node.isBoolean() || javaType == boolean.class || javaType == Boolean.class) {
			return text(Boolean.parseBoolean(text) ? "common.yes" : "common.no", locale);
		}
		if (javaType != null && javaType.isEnum()) {
			return enumLabel(javaType, text, locale);
		}
		if (javaType == Instant.class) {
			try {
				return formats.dateTime(Instant.parse(text));
			}
			catch (DateTimeParseException ex) {
				return text;
			}
		}
		if (javaType == LocalDate.class) {
			return text;
		}
		if (node.isNumber() && javaType == BigDecimal.class) {
			return formats.money(node.decimalValue());
		}
		if (node.isNumber()) {
			return formats.number(node.numberValue());
		}
		return text;
	}

	private String enumLabel(Class<?> enumType, String name, Locale locale) {
		for (Object constant : enumType.getEnumConstants()) {
			if (((Enum<?>) constant).name().equals(name)) {
				String key = constant instanceof Labelled labelled ? labelled.messageKey()
						: enumType.getSimpleName() + "." + name;
				return messages.getMessage(key, null, name, locale);
			}
		}
		return name;
	}

	private Map<String, String> names(String kind, Collection<String> keys, Locale locale) {
		Map<String, String> names = new HashMap<>();
		for (AuditVocabulary vocabulary : vocabularies) {
			names.putAll(vocabulary.names(kind, keys, locale));
		}
		return names;
	}

	/** Display names of the acting users, by username (usernames are unique across tenants, ADR 0002). */
	private Map<String, String> actors(Set<String> usernames) {
		usernames.remove(null);
		if (usernames.isEmpty()) {
			return Map.of();
		}
		List<Object> args = new ArrayList<>();
		args.add(TenantContext.currentTenant());
		args.addAll(usernames);
		Map<String, String> actors = new LinkedHashMap<>();
		jdbc.query("select username, display_name from app_user where tenant_id = ? and username in ("
				+ String.join(", ", usernames.stream().map(u -> "?").toList()) + ")",
				rs -> {
					actors.put(rs.getString(1), rs.getString(2));
				}, args.toArray());
		return actors;
	}

	private Map<String, JsonNode> parse(String changes) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (changes == null || changes.isBlank()) {
			return fields;
		}
		JsonNode root = json.readTree(changes);
		root.properties().forEach(e -> {
			if (e.getValue().isArray() && e.getValue().size() == 2) {
				fields.put(e.getKey(), e.getValue());
			}
		});
		return fields;
	}

	private static List<String> keys(JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		String text = node.isString() ? node.asString() : node.toString();
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static String key(AuditEntry entry) {
		return String.valueOf(entry.id());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/**
	 * One audit row as the page shows it.
	 *
	 * @param actorUsername the acting user's username, null for the system
	 * @param recordName the record's name when it was changed, else its current name; null when unknown (purged)
	 */
	public record AuditLine(long id, Instant changedAt, String actor, String actorUsername, AuditAction action,
			String entityLabel, long entityId, String recordName, List<FieldChange> changes) {
	}

	/** A changed field: its label, the old and the new value in words (empty for none). */
	public record FieldChange(String label, String before, String after) {
	}

}
