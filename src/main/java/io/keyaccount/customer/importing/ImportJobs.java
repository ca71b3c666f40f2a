package io.keyaccount.customer.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.i18n.LocaleContextHolder;

import io.keyaccount.customer.AccountBatches;
import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.ImportColumn;
import io.keyaccount.customer.ImportOptions;
import io.keyaccount.customer.domain.AccountRules;
import io.keyaccount.customer.domain.Regions;
import io.keyaccount.platform.files.SheetReader;
import io.keyaccount.platform.imports.ImportLimits;
import io.keyaccount.platform.imports.ImportWorkers;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.UserQuery;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Uploads waiting for their mapping and the imports running or finished, kept in memory by id and on disk in the
 * work directory until they expire. Imports run on the shared {@link ImportWorkers}, within its limits per user and
 * company, as the user who started them: the tenant, the security context (for data scope and permission checks)
 * and the language are taken along.
 */
@Component
public class ImportJobs {

	private static final int SAMPLE_ROWS = 5;

	private final ImportSettings settings;

	private final ImportLimits limits;

	private final ImportWorkers workers;

	private final ImportVocabulary vocabulary;

	private final AccountBatches batches;

	private final CustomerManagement customers;

	private final ContactBook contacts;

	private final AccountRules rules;

	private final Regions regions;

	private final Organisation organisation;

	private final CurrentUser currentUser;

	private final JdbcTemplate streamingJdbc;

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final Map<String, StoredUpload> uploads = new ConcurrentHashMap<>();

	private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

	private final ImportRunRecords records;

	ImportJobs(ImportSettings settings, ImportLimits limits, ImportWorkers workers, ImportVocabulary vocabulary, AccountBatches batches,
			CustomerManagement customers, ContactBook contacts, AccountRules rules, Regions regions, Organisation organisation, CurrentUser currentUser, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, EntityManager entityManager, ImportRunRecords records) {
		this.settings = settings;
		this.limits = limits;
		this.workers = workers;
		this.vocabulary = vocabulary;
		this.batches = batches;
		this.customers = customers;
		this.contacts = contacts;
		this.rules = rules;
		this.regions = regions;
		this.organisation = organisation;
		this.currentUser = currentUser;
		this.entityManager = entityManager;
		this.records = records;
		this.streamingJdbc = new JdbcTemplate(jdbc.getDataSource());
		this.streamingJdbc.setFetchSize(1000);
		this.writes = new TransactionTemplate(transactions);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
	}

	// ---- uploads

	public StoredUpload store(String fileName, InputStream content) {
		SheetReader.Format format = SheetReader.Format.of(fileName)
			.orElseThrow(() -> new BusinessRuleException("file", "import.unsupportedFile"));
		KeyaccountUser me = currentUser.require();
		String id = UUID.randomUUID().toString();
		Path file = settings.workDir().resolve(id + (format == SheetReader.Format.XLSX ? ".xlsx" : ".csv"));
		try {
			Files.createDirectories(settings.workDir());
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			StoredUpload upload = sniff(id, me, fileName, format, file);
			uploads.put(id, upload);
			return upload;
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	private StoredUpload sniff(String id, KeyaccountUser me, String fileName, SheetReader.Format format, Path file) {
		List<String> headers = new ArrayList<>();
		List<List<String>> sample = new ArrayList<>();
		long[] estimate = { 0 };
		SheetReader.read(file, format, limits.sheet(), new SheetReader.RowHandler() {

			@Override
			public void header(List<String> row) {
				headers.addAll(row);
			}

			@Override
			public void size(long approximateRows) {
				estimate[0] = approximateRows;
			}

			@Override
			public boolean row(SheetReader.SheetRow row) {
				if (!row.isBlank()) {
					sample.add(row.cells());
				}
				return sample.size() < SAMPLE_ROWS;
			}

		});
		if (headers.stream().allMatch(String::isBlank)) {
			throw new BusinessRuleException("file", "import.empty");
		}
		if (format == SheetReader.Format.CSV) {
			estimate[0] = lines(file) - 1;
		}
		Map<Integer, ImportColumn> mapping = vocabulary.suggest(headers);
		return new StoredUpload(id, me.tenantId(), me.userId(), fileName, format, file, limits.sheet(),
				List.copyOf(headers), List.copyOf(sample), mapping, Math.max(estimate[0], sample.size()), Instant.now());
	}

	public Optional<StoredUpload> upload(String id) {
		KeyaccountUser me = currentUser.require();
		return Optional.ofNullable(uploads.get(id)).filter(u -> u.ownedBy(me.tenantId(), me.userId()));
	}

	// ---- jobs

	/**
	 * Starts the import on the import workers and returns at once; refused (and forgotten) when the user or the
	 * company already has as many imports running as allowed.
	 */
	public ImportJob start(StoredUpload upload, ImportOptions options) {
		ImportJob job = register(upload, options);
		launch(job);
		return job;
	}

	/** Runs the import on the import workers too, and waits for it, for API clients that want the report. */
	public ImportJob runHere(StoredUpload upload, ImportOptions options) {
		ImportJob job = register(upload, options);
		try {
			launch(job).join();
		}
		catch (CompletionException | CancellationException ex) {
			// ImportRun ends every job with an outcome; one cut short by a shutdown is reported as it stands
		}
		return job;
	}

	private CompletableFuture<Void> launch(ImportJob job) {
		ImportWorkers.Slot slot;
		try {
			slot = workers.reserve();
		}
		catch (RuntimeException ex) {
			jobs.remove(job.id);
			throw ex;
		}
		try {
			job.onFinish = slot::close;
			return workers.submit(slot, prepare(job)::run);
		}
		catch (RuntimeException ex) {
			slot.close();
			jobs.remove(job.id);
			throw ex;
		}
	}

	public Optional<ImportJob> job(String id) {
		KeyaccountUser me = currentUser.require();
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.upload.ownedBy(me.tenantId(), me.userId()));
	}

	private ImportJob register(StoredUpload upload, ImportOptions options) {
		Map<Integer, ImportColumn> mapping = options.mapping() != null ? options.mapping() : upload.suggestedMapping();
		if (!mapping.containsValue(ImportColumn.NAME)) {
			throw new BusinessRuleException("mapping", "import.nameColumnMissing");
		}
		if (mapping.values().stream().distinct().count() < mapping.size()) {
			throw new BusinessRuleException("mapping", "import.columnMappedTwice");
		}
		if (mapping.keySet().stream().anyMatch(i -> i < 0 || i >= upload.headers().size())) {
			throw new BusinessRuleException("mapping", "import.columnMissing");
		}
		ImportOptions effective = new ImportOptions(mapping, options.mode(), options.dryRun(),
				options.duplicatesConfirmed());
		ImportJob job = new ImportJob(UUID.randomUUID().toString(), upload, effective);
		jobs.put(job.id, job);
		return job;
	}

	private ImportRun prepare(ImportJob job) {
		KeyaccountUser me = currentUser.require();
		Locale locale = LocaleContextHolder.getLocale();
		Owners owners = new Owners(organisation.users(new UserQuery(null, null, null), Pageable.unpaged()),
				currentUser.visibleRecords());
		RowInterpreter interpreter = new RowInterpreter(job.options.mapping(), vocabulary, regions, rules, owners,
				me.userId(), locale);
		DuplicateScreen screen = new DuplicateScreen(streamingJdbc, me.tenantId(), organisation.userNames(), vocabulary,
				locale, job.options.duplicatesConfirmed(), customers.accessToMany());
		ErrorReport report = new ErrorReport(settings.workDir().resolve(job.id + "-errors.xlsx"),
				job.upload.headers(), vocabulary, locale);
		ImportRun.Tools tools = new ImportRun.Tools(batches, customers, contacts, vocabulary, writes, reads,
				entityManager, settings.batchSize(), records);
		return new ImportRun(job, tools, interpreter, screen, report, locale, me.tenantId());
	}

	// ---- housekeeping

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
	void forgetExpired() {
		Instant before = Instant.now().minus(settings.keepFor());
		uploads.values().removeIf(u -> {
			boolean expired = u.uploadedAt().isBefore(before);
			if (expired) {
				delete(u.file());
			}
			return expired;
		});
		jobs.values().removeIf(j -> {
			boolean expired = j.finishedAt != null && j.finishedAt.isBefore(before);
			if (expired && j.errorReport != null) {
				delete(j.errorReport);
			}
			return expired;
		});
	}

	private static long lines(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			long lines = 0;
			int read;
			int last = '\n';
			while ((read = in.read(buffer)) > 0) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
				last = buffer[read - 1];
			}
			return last == '\n' ? lines : lines + 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A file we cannot delete now goes with the temporary directory.
		}
	}

}
