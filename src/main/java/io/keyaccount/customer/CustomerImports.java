package io.keyaccount.customer;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import io.keyaccount.customer.importing.ImportJob;
import io.keyaccount.customer.importing.ImportJobs;
import io.keyaccount.customer.importing.ImportTemplate;
import io.keyaccount.customer.importing.StoredUpload;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;

/**
 * The customer module's facade for importing accounts and their first contacts from .xlsx and .csv files: the
 * template, an upload with its suggested column mapping, dry runs and imports in the background with their
 * progress, and the error report. Uploads and jobs belong to the user who made them; imports run with that
 * user's permissions and data scope.
 */
@Service
public class CustomerImports {

	private final ImportJobs jobs;

	private final ImportTemplate template;

	private final CurrentUser currentUser;

	CustomerImports(ImportJobs jobs, ImportTemplate template, CurrentUser currentUser) {
		this.jobs = jobs;
		this.template = template;
		this.currentUser = currentUser;
	}

	public void writeTemplate(OutputStream out, Locale locale) {
		template.write(out, locale, currentUser.require().getUsername());
	}

	/** Keeps the file for the mapping step; refuses files that are neither .xlsx nor .csv, or have no header. */
	public ImportUpload upload(String fileName, InputStream content) {
		requirePermission();
		return jobs.store(fileName, content).view();
	}

	public ImportUpload upload(String uploadId) {
		return storedUpload(uploadId).view();
	}

	/** Starts a dry run or an import in the background; answers the job's id for {@link #progress(String)}. */
	public String start(String uploadId, ImportOptions options) {
		requirePermission();
		return jobs.start(storedUpload(uploadId), options).id();
	}

	/** Uploads and imports in one go, waiting for the report (for API clients). */
	public ImportProgress importNow(String fileName, InputStream content, ImportOptions options) {
		requirePermission();
		StoredUpload upload = jobs.store(fileName, content);
		return jobs.runHere(upload, options).progress();
	}

	public ImportProgress progress(String jobId) {
		return job(jobId).progress();
	}

	public Optional<Path> errorReport(String jobId) {
		return Optional.ofNullable(job(jobId).errorReport());
	}

	private ImportJob job(String jobId) {
		return jobs.job(jobId).orElseThrow(() -> new NotFoundException("ImportJob", jobId));
	}

	private StoredUpload storedUpload(String uploadId) {
		return jobs.upload(uploadId).orElseThrow(() -> new NotFoundException("ImportUpload", uploadId));
	}

	private void requirePermission() {
		if (!currentUser.require().can(CustomerPermissions.IMPORT)) {
			throw new AccessDeniedException(CustomerPermissions.IMPORT);
		}
	}

}
