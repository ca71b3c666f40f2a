package io.keyaccount.value.lifetime;

/**
 * Quasi-Newton (BFGS) minimisation with a backtracking line search. The likelihoods here are smooth
 * with cheap analytic gradients, so a gradient method needs a few dozen evaluations where Nelder-Mead
 * needs hundreds; that is what lets a million customers fit in seconds.
 */
final class BfgsMinimiser {

	/** Largest change of one coordinate in one step: a factor e on a log-parameter. */
	private static final double MAX_STEP = 1.0;

	private static final double ARMIJO = 1e-4;

	private static final double MIN_STEP = 1e-14;

	private final double gradientTolerance;

	private final int maxIterations;

	BfgsMinimiser(double gradientTolerance, int maxIterations) {
		this.gradientTolerance = gradientTolerance;
		this.maxIterations = maxIterations;
	}

	/** Writes the gradient at {@code point} into {@code gradient} and returns the value there. */
	interface Objective {

		double valueAndGradient(double[] point, double[] gradient);

	}

	record Minimum(double[] point, double value, boolean converged, int iterations) {
	}

	Minimum minimise(Objective objective, double[] start) {
		var current = new Point(start.clone(), new double[start.length]);
		current.value = objective.valueAndGradient(current.x, current.gradient);
		if (!current.isFinite()) {
			throw new IllegalArgumentException("objective is not finite at the starting point");
		}
		var inverseHessian = new InverseHessian(start.length);
		int stalled = 0;
		for (int iteration = 0; iteration < maxIterations; iteration++) {
			if (maxAbs(current.gradient) <= gradientTolerance) {
				return new Minimum(current.x, current.value, true, iteration);
			}
			Point next = lineSearch(objective, current, inverseHessian.direction(current.gradient));
			if (next == null && inverseHessian.isIdentity()) {
				return atPrecisionLimit(current, iteration);
			}
			if (next == null) {
				inverseHessian.reset(); // a stale curvature model can point uphill; retry as steepest descent
				continue;
			}
			boolean progress = current.value - next.value > 1e-14 * Math.max(1, Math.abs(current.value));
			stalled = progress ? 0 : stalled + 1;
			inverseHessian.update(difference(next.x, current.x), difference(next.gradient, current.gradient));
			current = next;
			if (stalled == 3) {
				return atPrecisionLimit(current, iteration);
			}
		}
		return atPrecisionLimit(current, maxIterations);
	}

	/**
	 * Rounding in a sum over many customers can stop the value from falling before the gradient meets
	 * the strict tolerance; a gradient within a thousand times of it still fixes the parameters to
	 * well under their standard errors.
	 */
	private Minimum atPrecisionLimit(Point current, int iterations) {
		boolean converged = maxAbs(current.gradient) <= 1000 * gradientTolerance;
		return new Minimum(current.x, current.value, converged, iterations);
	}

	private static Point lineSearch(Objective objective, Point from, double[] direction) {
		double slope = dot(from.gradient, direction);
		if (!(slope < 0)) {
			return null;
		}
		double step = Math.min(1.0, MAX_STEP / maxAbs(direction));
		while (step >= MIN_STEP) {
			var trial = new Point(new double[from.x.length], new double[from.x.length]);
			for (int i = 0; i < trial.x.length; i++) {
				trial.x[i] = from.x[i] + step * direction[i];
			}
			trial.value = objective.valueAndGradient(trial.x, trial.gradient);
			if (trial.isFinite() && trial.value <= from.value + ARMIJO * step * slope) {
				return trial;
			}
			step = shorterStep(step, slope, trial.value - from.value);
		}
		return null;
	}

	/**
	 * The minimum of the parabola through the value and slope at the start and the value at the failed
	 * step, kept within a tenth and a half of that step; plain halving when the trial was not finite.
	 */
	private static double shorterStep(double step, double slope, double rise) {
		if (!Double.isFinite(rise)) {
			return step * 0.5;
		}
		double parabolaMinimum = -slope * step * step / (2 * (rise - slope * step));
		return Math.max(0.1 * step, Math.min(0.5 * step, parabolaMinimum));
	}

	private static final class Point {

		final double[] x;

		final double[] gradient;

		double value;

		Point(double[] x, double[] gradient) {
			this.x = x;
			this.gradient = gradient;
		}

		boolean isFinite() {
			if (!Double.isFinite(value)) {
				return false;
			}
			for (double g : gradient) {
				if (!Double.isFinite(g)) {
					return false;
				}
			}
			return true;
		}

	}

	private static final class InverseHessian {

		private final double[][] h;

		private boolean identity;

		InverseHessian(int dimension) {
			h = new double[dimension][dimension];
			reset();
		}

		void reset() {
			for (int i = 0; i < h.length; i++) {
				java.util.Arrays.fill(h[i], 0);
				h[i][i] = 1;
			}
			identity = true;
		}

		boolean isIdentity() {
			return identity;
		}

		double[] direction(double[] gradient) {
			var d = new double[gradient.length];
			for (int i = 0; i < d.length; i++) {
				for (int j = 0; j < d.length; j++) {
					d[i] -= h[i][j] * gradient[j];
				}
			}
			return d;
		}

		/** The BFGS update; skipped when the step shows no positive curvature. */
		void update(double[] s, double[] y) {
			double sy = dot(s, y);
			if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y)))) {
				return;
			}
			if (identity) {
				scale(sy / dot(y, y)); // Nocedal & Wright (6.20): start with the right magnitude
			}
			int n = s.length;
			double[] hy = new double[n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					hy[i] += h[i][j] * y[j];
				}
			}
			double yhy = dot(y, hy);
			double rho = 1 / sy;
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
				}
			}
			identity = false;
		}

		private void scale(double factor) {
			for (int i = 0; i < h.length; i++) {
				h[i][i] = factor;
			}
		}

	}

	private static double[] difference(double[] u, double[] v) {
		var d = new double[u.length];
		for (int i = 0; i < d.length; i++) {
			d[i] = u[i] - v[i];
		}
		return d;
	}

	private static double dot(double[] u, double[] v) {
		double sum = 0;
		for (int i = 0; i < u.length; i++) {
			sum += u[i] * v[i];
		}
		return sum;
	}

	private static double maxAbs(double[] v) {
		double max = 0;
		for (double x : v) {
			max = Math.max(max, Math.abs(x));
		}
		return max;
	}

}
