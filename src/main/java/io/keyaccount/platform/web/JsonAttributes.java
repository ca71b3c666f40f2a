package io.keyaccount.platform.web;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Data for a page's script, as JSON in a {@code data-*} attribute: {@code th:with="c=${@json.write(charts)}"
 * th:data-charts="${c}"} (Thymeleaf refuses bean calls inside {@code th:data-*} itself).
 * Thymeleaf escapes the attribute and the script reads it with {@code JSON.parse(element.dataset.charts)}: no
 * inline script is needed, which the Content-Security-Policy forbids.
 */
@Component("json")
public class JsonAttributes {

	private final JsonMapper mapper = JsonMapper.builder().build();

	public String write(Object value) {
		return mapper.writeValueAsString(value);
	}

}
