package io.keyaccount.value;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import io.keyaccount.value.lifetime.BgNbdModel;
import io.keyaccount.value.lifetime.CustomerSummaries;
import io.keyaccount.value.lifetime.FitResult;
import io.keyaccount.value.lifetime.GammaGammaModel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code value-fit --transactions=FILE.csv [--calibration-end=YYYY-MM-DD]}: fits BG/NBD and Gamma-Gamma to
 * a purchase file offline and prints the parameters as one JSON line. Runs without Spring.
 *
 * <p>
 * Exit codes: 0 fitted; 1 the data cannot be fitted (e.g. fewer than two repeat customers); 2 bad usage or
 * a bad file, with a one-line reason on stderr.
 */
public final class ValueFitCommand {

	static final int FITTED = 0;

	static final int CANNOT_FIT = 1;

	static final int BAD_INPUT = 2;

	static final String USAGE = "usage: value-fit --transactions=FILE.csv [--calibration-end=YYYY-MM-DD]";

	private ValueFitCommand() {
	}

	public static int run(String[] args) {
		return execute(args, System.out, System.err);
	}

	static int execute(String[] args, PrintStream out, PrintStream err) {
		try {
			return fit(Options.parse(args), out, err);
		}
		catch (UsageException e) {
			err.println("value-fit: " + e.getMessage());
			err.println(USAGE);
			return BAD_INPUT;
		}
		catch (TransactionFileException e) {
			err.println("value-fit: " + e.getMessage());
			return BAD_INPUT;
		}
		catch (IllegalArgumentException e) {
			err.println("value-fit: cannot fit: " + e.getMessage());
			return CANNOT_FIT;
		}
		catch (RuntimeException e) {
			// a one-line report keeps stdout/stderr parseable for the scripts that call this
			err.println("value-fit: failed: " + e);
			return CANNOT_FIT;
		}
	}

	private static int fit(Options options, PrintStream out, PrintStream err) throws TransactionFileException {
		var history = TransactionFile.read(options.transactions());
		LocalDate calibrationEnd = options.calibrationEnd()
			.or(history::lastPurchaseDate)
			.orElseThrow(() -> new IllegalArgumentException("no purchases in " + options.transactions()));
		CustomerSummaries customers = history.summarise(calibrationEnd);
		if (customers.size() == 0) {
			throw new IllegalArgumentException("no purchases on or before " + calibrationEnd);
		}
		var bgNbd = BgNbdModel.fit(customers);
		var gammaGamma = GammaGammaModel.fit(customers);
		warnIfNotConverged("BG/NBD", bgNbd, err);
		warnIfNotConverged("Gamma-Gamma", gammaGamma, err);
		out.println(json(customers, bgNbd, gammaGamma));
		return FITTED;
	}

	private static void warnIfNotConverged(String name, FitResult<?> fit, PrintStream err) {
		if (!fit.converged()) {
			err.println("value-fit: warning: the " + name + " fit did not converge; its parameters are unreliable");
		}
	}

	private static String json(CustomerSummaries customers, FitResult<BgNbdModel> bgNbd,
			FitResult<GammaGammaModel> gammaGamma) {
		var mapper = JsonMapper.shared();
		ObjectNode root = mapper.createObjectNode();
		root.put("customers", customers.size());
		root.put("transactions", customers.transactionCount());
		var transactions = root.putObject("bgnbd");
		transactions.put("r", bgNbd.model().r());
		transactions.put("alpha", bgNbd.model().alpha());
		transactions.put("a", bgNbd.model().a());
		transactions.put("b", bgNbd.model().b());
		transactions.put("logLikelihood", bgNbd.logLikelihood());
		var spend = root.putObject("gammaGamma");
		spend.put("p", gammaGamma.model().p());
		spend.put("q", gammaGamma.model().q());
		spend.put("gamma", gammaGamma.model().gamma());
		spend.put("logLikelihood", gammaGamma.logLikelihood());
		return mapper.writeValueAsString(root);
	}

	private record Options(Path transactions, Optional<LocalDate> calibrationEnd) {

		static Options parse(String[] args) throws UsageException {
			Path transactions = null;
			LocalDate calibrationEnd = null;
			for (String arg : args) {
				if (arg.startsWith("--transactions=")) {
					transactions = file(arg.substring("--transactions=".length()));
				}
				else if (arg.startsWith("--calibration-end=")) {
					calibrationEnd = date(arg.substring("--calibration-end=".length()));
				}
				else {
					throw new UsageException("unknown argument '" + arg + "'");
				}
			}
			if (transactions == null) {
				throw new UsageException("--transactions=FILE.csv is required");
			}
			return new Options(transactions, Optional.ofNullable(calibrationEnd));
		}

		private static Path file(String text) throws UsageException {
			if (text.isBlank()) {
				throw new UsageException("--transactions= needs a file name");
			}
			try {
				return Path.of(text);
			}
			catch (InvalidPathException e) {
				throw new UsageException("bad --transactions file name '" + text + "'");
			}
		}

		private static LocalDate date(String text) throws UsageException {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeException e) {
				throw new UsageException("bad --calibration-end '" + text + "', expected YYYY-MM-DD");
			}
		}

	}

	private static final class UsageException extends Exception {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
