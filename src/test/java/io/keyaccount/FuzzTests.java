package io.keyaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.ObjectMapper;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/**
 * Seeded bad input for every form, API body, query and path parameter of every endpoint the application maps
 * (read from its own request mappings, so a new endpoint is fuzzed without an entry here): no answer is a 5xx or
 * shows a stack trace, and input that is refused changes nothing in the database.
 * <p>
 * Each case is a plausible request with one value replaced by a bad one (too long, too large, of the wrong type,
 * malformed), or a body of the wrong kind. It runs on a database of its own, as the administrator, so that the
 * writes it makes do not reach the other tests.
 */
@KeyaccountTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:keyaccount-fuzz;DB_CLOSE_DELAY=-1")
class FuzzTests {

	private static final long SEED = Long.getLong("keyaccount.fuzz.seed", 20261207L);

	/** Cases per endpoint at most; the sample and its order are the seed's. */
	private static final int CASES_PER_ENDPOINT = 80;

	/**
	 * An endpoint's cases stop after this long once the first {@link #MIN_CASES_PER_ENDPOINT} have run, so that
	 * a slow page (a dashboard of every account) does not take the run's time from the others.
	 */
	private static final java.time.Duration TIME_PER_ENDPOINT = java.time.Duration.ofSeconds(2);

	private static final int MIN_CASES_PER_ENDPOINT = 8;

	private static final AtomicInteger CASES = new AtomicInteger();

	private static final List<String> FAILURES = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** The start of {@code error.dataRefused}: what a value no check held tells the user. */
	private static final String REFUSED_BY_THE_DATABASE = "数据没有保存";

	private static final Map<Integer, AtomicInteger> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

	/** Tables whose rows a refused request must leave as they were (count and versions). */
	private static final String FINGERPRINT = String.join(" union all ",
			Stream.of("account", "contact", "follow_up", "account_team_member", "org_unit", "app_user", "app_role",
					"position_title", "value_playbook", "value_settings", "value_account_profile", "customer_settings",
					"value_transaction")
				.map(table -> "select '" + table + "', count(*), coalesce(sum(version), 0) from " + table)
				.toList())
			+ " union all select 'account_transfer', count(*), 0 from account_transfer"
			+ " union all select 'api_token', count(*), count(revoked_at) from api_token"
			+ " union all select 'saved_view', count(*), 0 from saved_view";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@TestFactory
	Stream<DynamicTest> noBadInputIsAnsweredWithAServerErrorOrChangesTheDatabase() {
		Random random = new Random(SEED);
		Values values = new Values(jdbc);
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().getBeanType().getPackageName().startsWith("io.keyaccount"))
			.forEach(e -> {
				for (String pattern : e.getKey().getPatternValues()) {
					for (HttpMethod method : methods(e.getKey())) {
						endpoints.add(Endpoint.of(method, pattern, e.getValue()));
					}
				}
			});
		// the records the cases use are deleted, merged or disabled last
		endpoints.sort(java.util.Comparator.comparing(Endpoint::removesRecords).thenComparing(Endpoint::toString));
		return endpoints.stream().map(endpoint -> {
			List<Case> cases = endpoint.cases(values, random);
			return DynamicTest.dynamicTest(endpoint + " (up to " + cases.size() + " cases)", () -> run(endpoint, cases));
		});
	}

	@AfterAll
	static void report() {
		System.out.printf("Fuzz: %,d cases, %d server errors, stack traces or changes by refused input (seed %d); "
				+ "answers by status %s%n", CASES.get(), FAILURES.size(), SEED, STATUSES);
	}

	private void run(Endpoint endpoint, List<Case> cases) throws Exception {
		long started = System.nanoTime();
		List<String> failures = new ArrayList<>();
		int run = 0;
		for (Case c : cases) {
			if (run++ >= MIN_CASES_PER_ENDPOINT
					&& System.nanoTime() - started > TIME_PER_ENDPOINT.toNanos()) {
				break;
			}
			CASES.incrementAndGet();
			List<Map<String, Object>> before = jdbc.queryForList(FINGERPRINT);
			String problem = null;
			try {
				MvcResult result = mvc.perform(c.request().with(DemoUsers.as(staff, "admin")).with(csrf())).andReturn();
				int status = result.getResponse().getStatus();
				STATUSES.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
				String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
				if (status >= 500) {
					problem = "answered " + status;
				}
				else if (body.contains("\tat ") || body.contains("at io.keyaccount.") || body.contains("Exception:")) {
					problem = "showed a stack trace";
				}
				else if (body.contains(REFUSED_BY_THE_DATABASE)) {
					problem = "was refused by the database, not by a check that names the field";
				}
				else if (refused(result) && !before.equals(jdbc.queryForList(FINGERPRINT))) {
					problem = "was refused (" + status + ") but changed the database";
				}
			}
			catch (Exception ex) {
				problem = "failed with " + rootCause(ex);
			}
			if (problem != null) {
				failures.add(c.description() + " " + problem);
			}
		}
		FAILURES.addAll(failures);
		assertThat(failures).as(endpoint.toString()).isEmpty();
	}

	/** Told no: a client error, a form shown again with its errors, or a failure toast after a redirect. */
	private static boolean refused(MvcResult result) {
		int status = result.getResponse().getStatus();
		if (status >= 400) {
			return true;
		}
		if (status >= 300) {
			return "danger".equals(result.getFlashMap().get("toastKind"));
		}
		return false;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
	}

	private static List<HttpMethod> methods(RequestMappingInfo info) {
		var declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			return List.of(HttpMethod.GET, HttpMethod.POST);
		}
		return declared.stream().map(m -> HttpMethod.valueOf(m.name())).sorted(java.util.Comparator.comparing(HttpMethod::name)).toList();
	}

	/** One request of a case, described for the failure list. */
	record Case(String description, AbstractMockHttpServletRequestBuilder<?> request) {
	}

	/** A parameter of a handler: where it goes (path, query or form, multipart file, JSON body) and its type. */
	record Parameter(String name, Where where, Class<?> type, Type generic) {

		enum Where {
			PATH, PARAM, FILE, BODY
		}

	}

	/** A mapped handler with the parameters a request can set. */
	record Endpoint(HttpMethod method, String pattern, List<Parameter> parameters) {

		static Endpoint of(HttpMethod method, String pattern, HandlerMethod handler) {
			List<Parameter> parameters = new ArrayList<>();
			for (MethodParameter p : handler.getMethodParameters()) {
				p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				Class<?> type = p.getParameterType();
				PathVariable path = p.getParameterAnnotation(PathVariable.class);
				RequestParam param = p.getParameterAnnotation(RequestParam.class);
				if (path != null) {
					parameters.add(new Parameter(name(path.name(), p), Parameter.Where.PATH, type, p.getGenericParameterType()));
				}
				else if (p.hasParameterAnnotation(RequestBody.class)) {
					parameters.add(new Parameter("body", Parameter.Where.BODY, type, p.getGenericParameterType()));
				}
				else if (MultipartFile.class.isAssignableFrom(type) || p.hasParameterAnnotation(RequestPart.class)) {
					parameters.add(new Parameter(param != null ? name(param.name(), p) : p.getParameterName(),
							Parameter.Where.FILE, type, p.getGenericParameterType()));
				}
				else if (param != null) {
					parameters.add(new Parameter(name(param.name(), p), Parameter.Where.PARAM, type, p.getGenericParameterType()));
				}
				else if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						parameters.add(new Parameter(component.getName(), Parameter.Where.PARAM, component.getType(),
								component.getGenericType()));
					}
				}
				else if (!type.getName().startsWith("org.") && !type.getName().startsWith("jakarta.")
						&& !type.getName().startsWith("java.") && !type.getName().startsWith("io.github.")
						&& !BeanUtils.isSimpleProperty(type)) {
					for (var property : BeanUtils.getPropertyDescriptors(type)) {
						if (property.getWriteMethod() != null) {
							parameters.add(new Parameter(property.getName(), Parameter.Where.PARAM,
									property.getPropertyType(), property.getWriteMethod().getGenericParameterTypes()[0]));
						}
					}
				}
			}
			return new Endpoint(method, pattern, parameters);
		}

		boolean removesRecords() {
			return method == HttpMethod.DELETE || pattern.matches(".*/(delete|purge|merge|enabled|left|release|transfer|handover|claim)$");
		}

		private static String name(String declared, MethodParameter p) {
			return declared.isEmpty() ? p.getParameterName() : declared;
		}

		List<Case> cases(Values values, Random random) {
			List<Case> cases = new ArrayList<>();
			boolean changes = method != HttpMethod.GET;
			if (parameters.isEmpty()) {
				if (!changes) {
					cases.add(request(values, "nothing", Map.of(), null));
				}
				return cases;
			}
			for (Parameter parameter : parameters) {
				if (parameter.where() == Parameter.Where.BODY) {
					for (Map.Entry<String, String> body : values.badBodies(parameter, random).entrySet()) {
						cases.add(request(values, "body " + body.getKey(), Map.of(), body.getValue()));
					}
					continue;
				}
				for (String bad : values.bad(parameter)) {
					cases.add(request(values, parameter.name() + "=" + abbreviate(bad), Map.of(parameter.name(), bad), null));
				}
			}
			cases.add(request(values, "every parameter missing", null, null));
			java.util.Collections.shuffle(cases, random);
			return cases.size() > CASES_PER_ENDPOINT ? cases.subList(0, CASES_PER_ENDPOINT) : cases;
		}

		/**
		 * The request with good values for every parameter but the replaced ones ({@code null}: none at all), and
		 * the body given, or a good one.
		 */
		private Case request(Values values, String what, Map<String, String> replaced, String body) {
			Map<String, String> path = new LinkedHashMap<>();
			AbstractMockHttpServletRequestBuilder<?> builder;
			String url = pattern;
			for (Parameter p : parameters) {
				if (p.where() == Parameter.Where.PATH) {
					String value = replaced != null && replaced.containsKey(p.name()) ? replaced.get(p.name())
							: values.good(p, pattern);
					path.put(p.name(), value);
				}
			}
			for (Map.Entry<String, String> e : path.entrySet()) {
				url = url.replace("{" + e.getKey() + "}",
						java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
			}
			boolean multipart = parameters.stream().anyMatch(p -> p.where() == Parameter.Where.FILE);
			if (multipart) {
				MockMultipartHttpServletRequestBuilder upload = MockMvcRequestBuilders.multipart(method, java.net.URI.create(url));
				for (Parameter p : parameters) {
					if (p.where() == Parameter.Where.FILE && replaced != null) {
						String content = replaced.getOrDefault(p.name(), "公司名称,联系人\n,王芳\n");
						upload.file(new MockMultipartFile(p.name(), "fuzz.csv", "text/csv",
								content.getBytes(StandardCharsets.UTF_8)));
					}
				}
				builder = upload;
			}
			else {
				builder = MockMvcRequestBuilders.request(method, java.net.URI.create(url));
			}
			if (replaced != null) {
				for (Parameter p : parameters) {
					if (p.where() == Parameter.Where.PARAM) {
						String value = replaced.containsKey(p.name()) ? replaced.get(p.name()) : values.good(p, pattern);
						if (value != null) {
							builder.param(p.name(), value);
						}
					}
				}
			}
			for (Parameter p : parameters) {
				if (p.where() == Parameter.Where.BODY) {
					String content = body != null ? body : replaced == null ? "" : values.goodBody(p);
					if (body != null && body.startsWith("<")) {
						builder.contentType(MediaType.APPLICATION_XML).content(content);
					}
					else if (body != null && body.startsWith("form:")) {
						builder.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(content.substring(5));
					}
					else {
						builder.contentType(MediaType.APPLICATION_JSON).content(content);
					}
				}
			}
			return new Case(method + " " + url + " [" + what + "]", builder);
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

		private static String abbreviate(String value) {
			String shown = value.length() > 24 ? value.substring(0, 12) + "…(" + value.length() + ")" : value;
			return shown.replace("\n", "\\n");
		}

	}

	/** Good and bad values by type and name; good ids are of the fuzz database's own records. */
	static final class Values {

		private final Map<String, String> ids = new LinkedHashMap<>();

		private final AtomicInteger counter = new AtomicInteger();

		Values(JdbcTemplate jdbc) {
			ids.put("accounts", id(jdbc, "select min(id) from account where deleted_at is null and in_pool = false"));
			ids.put("pool", id(jdbc, "select coalesce(min(case when in_pool then id end), min(id)) from account where deleted_at is null"));
			ids.put("contacts", id(jdbc, "select min(id) from contact where deleted_at is null"));
			ids.put("users", id(jdbc, "select id from app_user where username = 'sunwei'"));
			ids.put("units", id(jdbc, "select max(id) from org_unit where parent_id is not null"));
			ids.put("rootUnit", id(jdbc, "select min(id) from org_unit where parent_id is null"));
			ids.put("roles", id(jdbc, "select max(id) from app_role"));
			ids.put("positions", id(jdbc, "select min(id) from position_title"));
			ids.put("runs", id(jdbc, "select max(id) from value_run"));
			ids.put("team", id(jdbc, "select min(id) from account_team_member"));
			ids.put("saved-views", "1");
			ids.put("tokens", "1");
		}

		private static String id(JdbcTemplate jdbc, String sql) {
			Long id = jdbc.queryForObject(sql, Long.class);
			return id == null ? "1" : String.valueOf(id);
		}

		/** A value the endpoint accepts, by the parameter's name and type. */
		String good(Parameter p, String pattern) {
			String name = p.name();
			Class<?> type = p.type();
			if (p.where() == Parameter.Where.PATH) {
				if (type.isEnum()) {
					return ((Enum<?>) type.getEnumConstants()[0]).name();
				}
				if (name.equals("memberId")) {
					return ids.get("team");
				}
				if (name.equals("type")) {
					return "ACCOUNT";
				}
				String[] segments = pattern.split("/");
				for (int i = segments.length - 1; i > 0; i--) {
					if (segments[i].equals("{" + name + "}")) {
						return ids.getOrDefault(segments[i - 1], "1");
					}
				}
				return "1";
			}
			if (Collection.class.isAssignableFrom(type)) {
				Class<?> element = elementType(p.generic());
				return good(new Parameter(name, p.where(), element, element), pattern);
			}
			if (type == String.class) {
				return switch (name) {
					case "email" -> "fuzz@example.com";
					case "mobile" -> "13800138000";
					case "phone" -> "0571-88886666";
					case "provinceCode" -> "330000";
					case "cityCode" -> "330100";
					case "creditCode", "keyword", "tag", "from", "to", "back" -> null;
					case "password", "newPassword", "confirmPassword", "currentPassword" -> "Fuzz@2026x";
					case "username" -> "fuzz" + counter.incrementAndGet();
					case "code" -> "FUZZ_ROLE_" + counter.incrementAndGet();
					case "path" -> "/customers/accounts";
					case "screen" -> "accounts";
					case "query" -> "view=MINE";
					case "dir" -> "asc";
					case "sort" -> "name";
					case "website" -> "https://example.com";
					default -> "模糊测试" + counter.incrementAndGet();
				};
			}
			if (type.isEnum()) {
				return ((Enum<?>) type.getEnumConstants()[0]).name();
			}
			if (type == boolean.class || type == Boolean.class) {
				return name.equals("enabled") ? "true" : "false";
			}
			if (type == BigDecimal.class || type == Double.class || type == double.class) {
				return "1000";
			}
			if (type == LocalDate.class) {
				return LocalDate.now().plusDays(1).toString();
			}
			if (type == LocalDateTime.class) {
				return LocalDateTime.now().minusHours(1).withNano(0).toString();
			}
			if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
				return switch (name) {
					case "page" -> "0";
					case "size" -> "20";
					case "version" -> "0";
					case "userId", "ownerUserId", "toUserId", "managerId", "fromUserId", "successorId" -> ids.get("users");
					case "unitId", "ownerUnitId" -> ids.get("units");
					case "parentId" -> pattern.contains("units") ? ids.get("rootUnit") : null;
					case "accountId", "ids" -> ids.get("accounts");
					case "contactIds", "reportsToId" -> ids.get("contacts");
					case "positionId" -> ids.get("positions");
					case "roleIds" -> ids.get("roles");
					case "validDays" -> "30";
					default -> "1";
				};
			}
			return null;
		}

		/** Values the endpoint must refuse or bound. */
		List<String> bad(Parameter p) {
			Class<?> type = p.type();
			if (p.where() == Parameter.Where.FILE) {
				return List.of("", "\u0000\u0001\u0002PK\u0003\u0004", "公司名称\n" + "长".repeat(300) + "\n",
						"a,b,c\n\"unterminated", "公司名称,公司名称,公司名称\n1,2,3\n");
			}
			if (Collection.class.isAssignableFrom(type) || type.isArray()) {
				Class<?> element = elementType(p.generic());
				List<String> bad = new ArrayList<>(bad(new Parameter(p.name(), p.where(), element, element)));
				bad.add(String.join(",", java.util.Collections.nCopies(300, "1")));
				return bad;
			}
			if (type == String.class) {
				return List.of("", " ", "x".repeat(101), "简".repeat(201), "y".repeat(501), "z".repeat(1001),
						"长".repeat(4001), "ﬀ".repeat(150), "长".repeat(64), "壮".repeat(170), "<script>alert(1)</script>",
						"' or '1'='1", "😀".repeat(60), "../../etc/passwd", "%00", "\t\n", "null", "-1");
			}
			if (type == LocalDate.class || type == LocalDateTime.class || Temporal.class.isAssignableFrom(type)) {
				return List.of("abc", "9999-12-31", "0000-01-01", "2026-02-30", "", "99999-01-01T00:00");
			}
			if (type.isEnum()) {
				return List.of("NOPE", "", "'", "0");
			}
			if (type == boolean.class || type == Boolean.class) {
				return List.of("maybe", "", "2");
			}
			return List.of("-1", "0", "2147483647", "-2147483648", "9223372036854775807", "99999999999999999999999",
					"1e17", "1e309", "NaN", "abc", "1.5", "", "-99999999999999999.99");
		}

		/** A JSON body of good values for the record's components. */
		String goodBody(Parameter p) {
			Map<String, Object> body = new LinkedHashMap<>();
			if (p.type().isRecord()) {
				for (RecordComponent c : p.type().getRecordComponents()) {
					Object value = goodJson(c);
					if (value != null) {
						body.put(c.getName(), value);
					}
				}
			}
			return toJson(body);
		}

		private Object goodJson(RecordComponent c) {
			Parameter parameter = new Parameter(c.getName(), Parameter.Where.PARAM, c.getType(), c.getGenericType());
			String value = good(parameter, "/api");
			if (value == null) {
				return null;
			}
			if (Collection.class.isAssignableFrom(c.getType())) {
				return List.of(scalar(elementType(c.getGenericType()), value));
			}
			return scalar(c.getType(), value);
		}

		private static Object scalar(Class<?> type, String value) {
			if (type == String.class || type.isEnum() || Temporal.class.isAssignableFrom(type)) {
				return value;
			}
			if (type == boolean.class || type == Boolean.class) {
				return Boolean.valueOf(value);
			}
			return new BigDecimal(value);
		}

		/** Bodies with one component bad, and bodies of the wrong kind, by description. */
		Map<String, String> badBodies(Parameter p, Random random) {
			Map<String, String> bodies = new LinkedHashMap<>();
			bodies.put("not JSON", "{\"name\": ");
			bodies.put("an array", "[1, 2, 3]");
			bodies.put("empty", "");
			bodies.put("null", "null");
			bodies.put("XML", "<account><name>x</name></account>");
			bodies.put("a form", "form:name=x");
			if (!p.type().isRecord()) {
				return bodies;
			}
			for (RecordComponent c : p.type().getRecordComponents()) {
				Parameter parameter = new Parameter(c.getName(), Parameter.Where.PARAM, c.getType(), c.getGenericType());
				List<Object> bad = new ArrayList<>();
				for (String value : bad(parameter)) {
					bad.add(value);
				}
				bad.add(1e17);
				bad.add(new BigDecimal("1e400"));
				bad.add(Map.of("nested", 1));
				bad.add(java.util.Collections.nCopies(200, "标签"));
				bad.add(-1);
				for (Object value : bad) {
					Map<String, Object> body = new LinkedHashMap<>();
					for (RecordComponent other : p.type().getRecordComponents()) {
						Object good = goodJson(other);
						if (good != null) {
							body.put(other.getName(), good);
						}
					}
					body.put(c.getName(), value);
					bodies.put(c.getName() + "=" + Endpoint.abbreviate(String.valueOf(value)), toJson(body));
				}
			}
			return bodies;
		}

		private static String toJson(Object value) {
			try {
				return new ObjectMapper().writeValueAsString(value);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static Class<?> elementType(Type generic) {
			if (generic instanceof ParameterizedType parameterized
					&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
				return element;
			}
			return String.class;
		}

	}

}
