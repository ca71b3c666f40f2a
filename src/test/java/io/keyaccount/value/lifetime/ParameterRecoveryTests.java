package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * Customers simulated from known parameters: the fit must land within four standard errors of the
 * truth, the standard errors coming from the curvature of the log-likelihood at the estimate.
 */
class ParameterRecoveryTests {

	@Test
	void bgNbdFitRecoversTheParametersCustomersWereSimulatedWith() {
		var truth = new BgNbdModel(0.5, 8, 0.6, 2.5);
		var customers = simulateBgNbd(truth, 6000, new RandomDataGenerator(20240611L));

		var fit = BgNbdModel.fit(customers);
		var m = fit.model();
		double[] estimate = { m.r(), m.alpha(), m.a(), m.b() };
		double[] logSe = logScaleStandardErrors(estimate,
				theta -> new BgNbdModel(theta[0], theta[1], theta[2], theta[3]).logLikelihood(customers));

		assertThat(fit.converged()).isTrue();
		assertWithinFourStandardErrors(estimate, new double[] { 0.5, 8, 0.6, 2.5 }, logSe);
	}

	@Test
	void gammaGammaFitRecoversTheParametersSpendWasSimulatedWith() {
		var random = new RandomDataGenerator(7L);
		double p = 4;
		double q = 3.5;
		double gamma = 20;
		List<CustomerSummary> customers = new ArrayList<>();
		for (int i = 0; i < 4000; i++) {
			int x = 1 + random.nextInt(0, 7);
			double nu = random.nextGamma(q, 1 / gamma);
			double total = 0;
			for (int j = 0; j < x; j++) {
				total += random.nextGamma(p, 1 / nu);
			}
			customers.add(CustomerSummary.of(x, 1, 2, total / x));
		}
		var summaries = CustomerSummaries.of(customers);

		var fit = GammaGammaModel.fit(summaries);
		var m = fit.model();
		double[] estimate = { m.p(), m.q(), m.gamma() };
		double[] logSe = logScaleStandardErrors(estimate,
				theta -> new GammaGammaModel(theta[0], theta[1], theta[2]).logLikelihood(summaries));

		assertThat(fit.converged()).isTrue();
		assertThat(fit.customersUsed()).isEqualTo(4000);
		assertWithinFourStandardErrors(estimate, new double[] { p, q, gamma }, logSe);
	}

	/**
	 * Each customer has a purchase rate lambda ~ Gamma(r, alpha) and a dropout probability p ~ Beta(a, b);
	 * after every repeat purchase they leave with probability p. Observation lasts 26 to 104 weeks.
	 */
	static CustomerSummaries simulateBgNbd(BgNbdModel model, int count, RandomDataGenerator random) {
		List<CustomerSummary> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			double lambda = random.nextGamma(model.r(), 1 / model.alpha());
			double dropout = random.nextBeta(model.a(), model.b());
			double age = random.nextUniform(26, 104);
			int x = 0;
			double last = 0;
			double time = random.nextExponential(1 / lambda);
			while (time <= age) {
				x++;
				last = time;
				if (random.nextDouble() < dropout) {
					break;
				}
				time += random.nextExponential(1 / lambda);
			}
			customers.add(CustomerSummary.of(x, last, age, 0));
		}
		return CustomerSummaries.of(customers);
	}

	/** Standard errors of the log-parameters from a finite-difference Hessian of the log-likelihood. */
	private static double[] logScaleStandardErrors(double[] estimate, ToDoubleFunction<double[]> logLikelihood) {
		int n = estimate.length;
		double h = 1e-3;
		ToDoubleFunction<double[]> onLogScale = theta -> {
			double[] params = new double[n];
			for (int i = 0; i < n; i++) {
				params[i] = estimate[i] * Math.exp(theta[i]);
			}
			return logLikelihood.applyAsDouble(params);
		};
		double[][] information = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double[] pp = shifted(n, i, h, j, h);
				double[] pm = shifted(n, i, h, j, -h);
				double[] mp = shifted(n, i, -h, j, h);
				double[] mm = shifted(n, i, -h, j, -h);
				information[i][j] = -(onLogScale.applyAsDouble(pp) - onLogScale.applyAsDouble(pm)
						- onLogScale.applyAsDouble(mp) + onLogScale.applyAsDouble(mm)) / (4 * h * h);
			}
		}
		var covariance = new LUDecomposition(MatrixUtils.createRealMatrix(information)).getSolver().getInverse();
		double[] se = new double[n];
		for (int i = 0; i < n; i++) {
			se[i] = Math.sqrt(covariance.getEntry(i, i));
		}
		return se;
	}

	private static double[] shifted(int n, int i, double di, int j, double dj) {
		double[] theta = new double[n];
		theta[i] += di;
		theta[j] += dj;
		return theta;
	}

	private static void assertWithinFourStandardErrors(double[] estimate, double[] truth, double[] logSe) {
		for (int i = 0; i < truth.length; i++) {
			double error = Math.log(estimate[i] / truth[i]);
			assertThat(logSe[i]).as("standard error of parameter %d", i).isBetween(0.0, 0.5);
			assertThat(Math.abs(error)).as("log-error of parameter %d", i).isLessThan(4 * logSe[i]);
		}
	}

}
