package io.keyaccount.value.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.customer.AccountDirectory;
import io.keyaccount.platform.files.SheetReader;
import io.keyaccount.platform.files.XlsxWriter;
import io.keyaccount.platform.imports.ImportLimits;
import io.keyaccount.platform.imports.ImportWorkers;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.ChineseIdentifiers;
import io.keyaccount.value.ValuePermissions;

/**
 * Imports purchase history from .xlsx or .csv (UTF-8, or GBK as Excel saves it in China), as the account import
 * does: a template to start from, a dry run that checks every row and writes nothing, the import of the checked
 * file, and an error report of every bad row with its number and reason (see {@link LedgerImportRun} for the rules
 * of a row). Runs in the background on the {@link ImportWorkers}, within their limits; jobs belong to the user who
 * started them and are kept, with their files, for a day.
 */
@Service
public class LedgerImport {

	private final AccountDirectory accounts;

	private final Ledger ledger;

	private final ImportWorkers workers;

	private final ImportLimits limits;

	private final LedgerImportSettings settings;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final TransactionTemplate writes;

	private final Map<String, LedgerImportJob> jobs = new ConcurrentHashMap<>();

	LedgerImport(AccountDirectory accounts, Ledger ledger, ImportWorkers workers, ImportLimits limits,
			LedgerImportSettings settings, CurrentUser currentUser, MessageSource messages,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.workers = workers;
		this.limits = limits;
		this.settings = settings;
		this.currentUser = currentUser;
		this.messages = messages;
		this.writes = new TransactionTemplate(transactions);
	}

	/** The template: the columns with an example row, and a sheet that explains each column. */
	public void writeTemplate(OutputStream out, Locale locale) {
		List<LedgerColumn> columns = List.of(LedgerColumn.values());
		try (XlsxWriter xlsx = XlsxWriter.to(out)) {
			xlsx.sheet(text("value.import.template.dataSheet", locale),
					columns.stream().map(c -> text(c.labelKey(), locale)).toList(), 18);
			xlsx.row(List.of("杭州明华光电科技有限公司", ChineseIdentifiers.withCreditCodeCheck("91330106MA2H7K5Q0"), "C-0001",
					"2026-03-18", new BigDecimal("12800.00"), new BigDecimal("3840.00"), "SO-2026-00018"));
			xlsx.sheet(text("value.import.template.helpSheet", locale),
					List.of(text("value.import.template.column", locale), text("value.import.template.description", locale)), 60);
			for (LedgerColumn column : columns) {
				xlsx.row(List.of(text(column.labelKey(), locale), text("value.import.hint." + column.name(), locale)));
			}
			xlsx.row(List.of("", text("value.import.template.deleteExample", locale)));
		}
	}

	/**
	 * Keeps the file and starts checking it (a dry run) or importing it in the background; answers the job's id.
	 * A file that is neither .xlsx nor .csv, or lacks the columns needed, is refused at once.
	 */
	public String start(String fileName, InputStream content, boolean dryRun) {
		KeyaccountUser me = requirePermission();
		SheetReader.Format format = SheetReader.Format.of(fileName)
			.orElseThrow(() -> BusinessRuleException.general("value.import.badFormat"));
		Path file = settings.workDir().resolve(UUID.randomUUID() + (format == SheetReader.Format.XLSX ? ".xlsx" : ".csv"));
		try {
			Files.createDirectories(settings.workDir());
			Files.copy(content, file);
			checkHeader(file, format);
			return launch(new LedgerImportJob(UUID.randomUUID().toString(), me.tenantId(), me.userId(),
					fileName, format, file, limits.sheet(), dryRun));
		}
		catch (IOException ex) {
			delete(file);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	/** Imports the file a dry run checked, checking it again; answers the new job's id. */
	public String importChecked(String jobId) {
		requirePermission();
		LedgerImportJob checked = job(jobId);
		if (!checked.progress().importable()) {
			throw BusinessRuleException.general("value.import.notImportable");
		}
		return launch(new LedgerImportJob(UUID.randomUUID().toString(), checked.tenantId, checked.userId,
				checked.fileName, checked.format, checked.file, limits.sheet(), false));
	}

	public LedgerImportProgress progress(String jobId) {
		return job(jobId).progress();
	}

	public Optional<Path> errorReport(String jobId) {
		return Optional.ofNullable(job(jobId).errorReport);
	}

	private String launch(LedgerImportJob job) {
		ImportWorkers.Slot slot = workers.reserve();
		job.onFinish = slot::close;
		try {
			submit(job, slot);
		}
		catch (RuntimeException ex) {
			slot.close();
			jobs.remove(job.id);
			throw ex;
		}
		return job.id;
	}

	private void submit(LedgerImportJob job, ImportWorkers.Slot slot) {
		Locale locale = LocaleContextHolder.getLocale();
		LedgerErrorReport report = new LedgerErrorReport(settings.workDir().resolve(job.id + "-errors.xlsx"),
				text("value.import.report.sheet", locale), text("value.import.row", locale),
				text("value.import.problem", locale));
		LedgerImportRun run = new LedgerImportRun(job,
				new LedgerImportRun.Tools(accounts, ledger, writes, messages), locale, report);
		jobs.put(job.id, job);
		workers.submit(slot, run::run);
	}

	/** Reads the header only, so a file without the needed columns is refused on the upload page itself. */
	private void checkHeader(Path file, SheetReader.Format format) {
		List<String> headers = new ArrayList<>();
		SheetReader.read(file, format, limits.sheet(), new SheetReader.RowHandler() {

			@Override
			public void header(List<String> row) {
				headers.addAll(row);
			}

			@Override
			public boolean row(SheetReader.SheetRow row) {
				return false;
			}

		});
		if (headers.stream().allMatch(String::isBlank)) {
			throw BusinessRuleException.general("value.import.empty");
		}
		if (!LedgerColumn.enough(LedgerColumn.find(headers))) {
			throw BusinessRuleException.general("value.import.badHeader");
		}
	}

	private LedgerImportJob job(String jobId) {
		KeyaccountUser me = currentUser.require();
		return Optional.ofNullable(jobs.get(jobId))
			.filter(job -> job.ownedBy(me.tenantId(), me.userId()))
			.orElseThrow(() -> new NotFoundException("LedgerImportJob", jobId));
	}

	private KeyaccountUser requirePermission() {
		KeyaccountUser me = currentUser.require();
		if (!me.can(ValuePermissions.IMPORT)) {
			throw new AccessDeniedException(ValuePermissions.IMPORT);
		}
		return me;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
	void forgetExpired() {
		Instant before = Instant.now().minus(settings.keepFor());
		jobs.values().removeIf(job -> {
			boolean expired = job.finishedAt != null && job.finishedAt.isBefore(before);
			if (expired && job.errorReport != null) {
				delete(job.errorReport);
			}
			return expired;
		});
		try (var files = Files.list(settings.workDir())) {
			List<Path> inUse = jobs.values().stream().map(job -> job.file).toList();
			files.filter(file -> !file.getFileName().toString().endsWith("-errors.xlsx") && !inUse.contains(file))
				.forEach(LedgerImport::delete);
		}
		catch (IOException ex) {
			// nothing kept yet, or the directory went with the temporary files
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
