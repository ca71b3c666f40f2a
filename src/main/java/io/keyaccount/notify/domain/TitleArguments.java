package io.keyaccount.notify.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A title's arguments as a JSON array of strings, so any text (a name with commas or quotes) comes back intact. */
@Converter
class TitleArguments implements AttributeConverter<List<String>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String convertToDatabaseColumn(List<String> arguments) {
		return arguments == null || arguments.isEmpty() ? null : JSON.writeValueAsString(arguments);
	}

	@Override
	public List<String> convertToEntityAttribute(String column) {
		return column == null ? List.of() : JSON.readValue(column, new TypeReference<List<String>>() {
		});
	}

}
